@revision @script @en
Feature: The brand asks for script changes, up to a limit
  After accepting, the creator writes a script and submits it to the brand. The brand
  approves it or asks for changes, at most twice per task by default.

  Background:
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    And the task "Spring launch" is script review

  Scenario: One round of changes, then approval
    When the brand requests changes to the script for "Spring launch"
    Then the task "Spring launch" is scripting
    When the creator submits the script for "Spring launch"
    And the brand approves the script for "Spring launch"
    Then the task "Spring launch" is producing

  Scenario: Two rounds of changes are allowed
    When the brand requests changes to the script for "Spring launch"
    And the creator submits the script for "Spring launch"
    And the brand requests changes to the script for "Spring launch"
    And the creator submits the script for "Spring launch"
    Then the task "Spring launch" is script review

  Scenario: A third request is over the limit and changes nothing
    When the brand requests changes to the script for "Spring launch"
    And the creator submits the script for "Spring launch"
    And the brand requests changes to the script for "Spring launch"
    And the creator submits the script for "Spring launch"
    And the brand requests changes to the script for "Spring launch"
    Then the action is refused because change limit reached
    And the task "Spring launch" is script review
    When the brand approves the script for "Spring launch"
    Then the task "Spring launch" is producing
