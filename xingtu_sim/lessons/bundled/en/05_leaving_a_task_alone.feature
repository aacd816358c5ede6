@lesson @en
Feature: Lesson 5: Leaving a task alone costs nothing
  You do not have to answer every task. Do nothing with "Spring launch" and let time pass: once
  its 24 hours to accept are over, the task lapses, with no penalty on either side. Your account
  stays exactly as it was.

  Scenario: Let "Spring launch" lapse
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    Then the task "Spring launch" is expired
    And the creator's account is unchanged
