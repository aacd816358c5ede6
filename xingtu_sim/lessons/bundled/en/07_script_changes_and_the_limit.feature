@lesson @en
Feature: Lesson 7: The brand's script changes, and their limit
  Your script for "Spring launch" is with the brand. Play the brand: ask for changes, then as the
  creator submit the script again. A brand may ask for script changes only twice per task: ask a
  third time and see the request refused. The script then waits for the brand's approval.

  Scenario: Use up the brand's script changes
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    And the task "Spring launch" is script review
    Then the action is refused because change limit reached
    And the task "Spring launch" is script review
