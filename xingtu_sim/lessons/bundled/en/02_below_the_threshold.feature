@lesson @en
Feature: Lesson 2: Below 100,000 followers, Xingtu stays closed
  Brands pick creators with at least 100,000 followers on Douyin. This account has only 80,000.
  Try to open Xingtu anyway, and read why it is refused: nothing changes, and you can try again
  once you have more followers.

  Scenario: Try to open Xingtu with 80,000 followers
    Given a creator with 80000 followers
    Then the action is refused because not eligible
    And the creator's Xingtu is not open
