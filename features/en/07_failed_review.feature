@revision @review @en
Feature: A failed review and the redo
  After publishing, the platform reviews the video. If the review fails, the video must
  be redone: back to production, then through the brand and the review again.

  Background:
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    And the task "Spring launch" is in review

  Scenario: The platform rejects the video; it is redone and passes
    When the platform rejects "Spring launch"
    Then the task "Spring launch" is producing
    And the creator's balance is 0 yuan
    When the creator uploads the video for "Spring launch"
    And the brand confirms the video for "Spring launch"
    And the creator publishes the video for "Spring launch"
    And the platform approves "Spring launch"
    Then the task "Spring launch" is completed
    And the creator's balance is 7600 yuan

  Scenario: A rejected video cannot be published without being redone
    When the platform rejects "Spring launch"
    And the creator publishes the video for "Spring launch"
    Then the action is refused because not allowed in this state
    And the task "Spring launch" is producing
