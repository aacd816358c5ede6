@refusal @en
Feature: Skipping a step is refused and changes nothing
  Each move has its moment. A move out of order is refused with the reason, the task
  stays where it was, and nothing else changes.

  Background:
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan

  Scenario Outline: A move out of order is refused
    Given the task "Spring launch" is <state>
    When <move>
    Then the action is refused because not allowed in this state
    And the task "Spring launch" is <state>
    And the creator's account is unchanged

    Examples:
      | state           | move                                                 |
      | pending receipt | the creator accepts the task "Spring launch"         |
      | accepted        | the creator uploads the video for "Spring launch"    |
      | scripting       | the brand approves the script for "Spring launch"    |
      | producing       | the creator publishes the video for "Spring launch"  |
      | publishing      | the platform approves "Spring launch"                |
      | completed       | the creator cancels the task "Spring launch"         |
