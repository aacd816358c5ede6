@receiving @en
Feature: Stopping and resuming receiving tasks
  Receiving tasks is on once Xingtu is open. A creator who stops receiving gets no new
  tasks until receiving is resumed; tasks already in the list stay.

  Scenario: A creator who stopped receiving gets no new tasks
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the creator has stopped receiving tasks
    When the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    Then the action is refused because not receiving tasks
    And the creator has 0 pending tasks

  Scenario: Resuming lets brands publish again
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the creator has stopped receiving tasks
    When the creator resumes receiving tasks
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    Then the task "Spring launch" is pending receipt
    And the creator has 1 pending tasks

  Scenario: Tasks already in the list stay when receiving stops
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    When the creator stops receiving tasks
    And the creator views the task "Spring launch"
    And the creator accepts the task "Spring launch"
    Then the task "Spring launch" is accepted
