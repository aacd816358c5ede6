@lesson @en
Feature: Lesson 8: A failed review, and the redo
  Your video for "Spring launch" is published and the platform is reviewing it. Play the platform
  and fail the review: the video must be redone. Then, as the creator, upload the redone video so
  that the brand can confirm it again.

  Scenario: Redo the video after a failed review
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    And the task "Spring launch" is in review
    Then the task "Spring launch" is video review
    And the creator's balance is 0 yuan
