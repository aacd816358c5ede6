@lesson @en
Feature: Lesson 3: Reading a task's details, then closing them
  You clicked the title of a pending task and its details are open: the brand, what the brand
  asks for, the price, the platform's fee and what you would be paid. Read them, then close the
  details. The task goes back to your pending tasks, still undecided, and nothing else changes.

  Scenario: Close the details of "Spring launch"
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    And the task "Spring launch" is viewing details
    Then the task "Spring launch" is pending receipt
    And the creator has 1 pending tasks
    And the creator's account is unchanged
