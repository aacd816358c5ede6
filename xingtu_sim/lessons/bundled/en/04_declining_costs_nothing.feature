@lesson @en
Feature: Lesson 4: Declining a task costs nothing
  A brand sent you a task. Open its details, read the requirements, and decline it. Not accepting
  has no consequence: your account stays exactly as it was.

  Scenario: Decline "Spring launch"
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    Then the task "Spring launch" is declined
    And the creator's account is unchanged
    And the creator has 0 pending tasks
