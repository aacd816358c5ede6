@no-op @lapse @en
Feature: Ignoring a task until it lapses has no consequence
  A creator may open Xingtu and leave it alone. A task nobody accepts within the accept
  window (24 hours by default) lapses, with no penalty on either side.

  Scenario: A task left in the task list lapses after 24 hours
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    When 24 hours pass
    Then the task "Spring launch" is expired
    And the creator's account is unchanged
    And the creator has 0 pending tasks

  Scenario: A task left open on its details page lapses too
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    When the creator views the task "Spring launch"
    And 25 hours pass
    Then the task "Spring launch" is expired
    And the creator's account is unchanged

  Scenario: Opening Xingtu and leaving it alone for 30 days
    Given a creator with 120000 followers
    And the creator has opened Xingtu
    When 30 days pass
    Then the creator's account is unchanged
    And the creator's Xingtu is open
    And the creator has 0 pending tasks

  Scenario: A lapsed task can no longer be accepted
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    When 24 hours pass
    And the creator accepts the task "Spring launch"
    Then the action is refused because not allowed in this state
    And the creator's account is unchanged

  Scenario Outline: Ignored tasks all lapse, however long the wait
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "<brand>" publishes the task "<task>" paying <price> yuan
    When <days> days pass
    Then the task "<task>" is expired
    And the creator's account is unchanged

    Examples:
      | brand   | task          | price   | days |
      | Nike    | Spring launch | 8000    | 1    |
      | Li Ning | Summer sale   | 1200.50 | 7    |
      | Anta    | Back to class | 300     | 365  |
