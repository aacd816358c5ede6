@details @en
Feature: Closing the details and coming back
  Clicking a task title opens its details; closing them returns the task to the task
  list, still undecided. The accept window keeps running.

  Background:
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan

  Scenario: Closing the details puts the task back in the list, undecided
    When the creator views the task "Spring launch"
    And the creator closes the task "Spring launch"
    Then the task "Spring launch" is pending receipt
    And the creator has 1 pending tasks
    And the creator's account is unchanged

  Scenario: Coming back later and accepting
    When the creator views the task "Spring launch"
    And the creator closes the task "Spring launch"
    And 10 hours pass
    And the creator views the task "Spring launch"
    And the creator accepts the task "Spring launch"
    Then the task "Spring launch" is accepted

  Scenario: Looking again does not restart the accept window
    When the creator views the task "Spring launch"
    And the creator closes the task "Spring launch"
    And 12 hours pass
    And the creator views the task "Spring launch"
    And the creator closes the task "Spring launch"
    And 12 hours pass
    Then the task "Spring launch" is expired
    And the creator's account is unchanged
