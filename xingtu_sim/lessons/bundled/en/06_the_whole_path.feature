@lesson @en
Feature: Lesson 6: From accepting to being paid
  Take "Spring launch" all the way: view its details and accept it, write and submit the script,
  produce and upload the video, publish it once the brand has confirmed it, and pass the
  platform's review. Play the brand and the platform too, from their panels. The platform keeps
  its 5% service fee; the rest of the 8,000 yuan is yours.

  Scenario: Complete "Spring launch" and get paid
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    Then the task "Spring launch" is completed
    And the platform fee for "Spring launch" is 400 yuan
    And the creator's balance is 7600 yuan
