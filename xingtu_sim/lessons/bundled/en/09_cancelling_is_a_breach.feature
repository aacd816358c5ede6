@lesson @en
Feature: Lesson 9: Cancelling after accepting is a breach
  You accepted "Spring launch" and then changed your mind. Unlike declining, cancelling a task you
  accepted is not free: you are paid nothing and it counts against you as a breach. Cancel the
  task and see it on your account.

  Scenario: Cancel an accepted task
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    And the task "Spring launch" is accepted
    Then the task "Spring launch" is cancelled
    And the creator has 1 breaches
    And the creator's balance is 0 yuan
