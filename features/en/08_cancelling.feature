@breach @en
Feature: Cancelling after accepting counts against the creator
  Unlike declining, cancelling a task after accepting it is not free: it pays nothing
  and counts as a breach on the creator's record.

  Background:
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan

  Scenario Outline: Cancelling at any stage of the work is a breach and pays nothing
    Given the task "Spring launch" is <stage>
    When the creator cancels the task "Spring launch"
    Then the task "Spring launch" is cancelled
    And the creator has 1 breaches
    And the creator's balance is 0 yuan

    Examples:
      | stage        |
      | accepted     |
      | scripting    |
      | script review |
      | producing    |
      | video review |
      | publishing   |

  Scenario: A task under the platform's review can no longer be cancelled
    Given the task "Spring launch" is in review
    When the creator cancels the task "Spring launch"
    Then the action is refused because not allowed in this state
    And the creator has 0 breaches

  Scenario: Declining before accepting is not a breach
    When the creator declines the task "Spring launch"
    Then the creator has 0 breaches
    And the creator's account is unchanged
