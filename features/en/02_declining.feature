@no-op @en
Feature: Declining a task has no consequence
  Not accepting a task has no consequence: the creator may look at a task and say no,
  and the account stays exactly as it was.

  Background:
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan

  Scenario: Declining straight from the task list
    When the creator declines the task "Spring launch"
    Then the task "Spring launch" is declined
    And the creator's account is unchanged
    And the creator has 0 pending tasks

  Scenario: Declining after reading the advertiser's requirements
    When the creator views the task "Spring launch"
    And the creator declines the task "Spring launch"
    Then the task "Spring launch" is declined
    And the creator's account is unchanged

  Scenario: A declined task cannot be accepted afterwards
    Given the task "Spring launch" is declined
    When the creator accepts the task "Spring launch"
    Then the action is refused because not allowed in this state
    And the task "Spring launch" is declined
    And the creator's account is unchanged
