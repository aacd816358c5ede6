@revision @video @en
Feature: The brand asks for video changes, up to a limit
  The creator produces the video as required and uploads it; the brand confirms it or
  asks for changes, at most twice per task by default.

  Background:
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    And the task "Spring launch" is video review

  Scenario: One round of changes, then confirmation
    When the brand requests changes to the video for "Spring launch"
    Then the task "Spring launch" is producing
    When the creator uploads the video for "Spring launch"
    And the brand confirms the video for "Spring launch"
    Then the task "Spring launch" is publishing

  Scenario: Two rounds of changes are allowed
    When the brand requests changes to the video for "Spring launch"
    And the creator uploads the video for "Spring launch"
    And the brand requests changes to the video for "Spring launch"
    And the creator uploads the video for "Spring launch"
    Then the task "Spring launch" is video review

  Scenario: A third request is over the limit and changes nothing
    When the brand requests changes to the video for "Spring launch"
    And the creator uploads the video for "Spring launch"
    And the brand requests changes to the video for "Spring launch"
    And the creator uploads the video for "Spring launch"
    And the brand requests changes to the video for "Spring launch"
    Then the action is refused because change limit reached
    And the task "Spring launch" is video review
    When the brand confirms the video for "Spring launch"
    Then the task "Spring launch" is publishing
