@happy-path @en
Feature: Accepting a task through to completion
  A brand publishes a paid task to a creator who has opened Xingtu. The creator opens
  the task from the task list to read the advertiser's requirements, accepts it, writes
  the script, produces and publishes the video. Once the platform's review passes, the
  task is complete and the creator is paid the price minus the platform's service fee.

  Background:
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan

  Scenario: The creator takes a task from the task list to a passed review
    When the creator views the task "Spring launch"
    Then the task "Spring launch" is viewing details
    When the creator accepts the task "Spring launch"
    Then the task "Spring launch" is accepted
    And the creator has 0 pending tasks
    When the creator starts the script for "Spring launch"
    And the creator submits the script for "Spring launch"
    Then the task "Spring launch" is script review
    When the brand approves the script for "Spring launch"
    Then the task "Spring launch" is producing
    When the creator uploads the video for "Spring launch"
    And the brand confirms the video for "Spring launch"
    Then the task "Spring launch" is publishing
    When the creator publishes the video for "Spring launch"
    Then the task "Spring launch" is in review
    When the platform approves "Spring launch"
    Then the task "Spring launch" is completed
    And the creator's balance is 7600 yuan
    And the platform fee for "Spring launch" is 400 yuan
    And the creator has 0 breaches

  Scenario: Accepting is possible until the accept window closes
    When 23 hours pass
    And the creator views the task "Spring launch"
    And the creator accepts the task "Spring launch"
    Then the task "Spring launch" is accepted

  Scenario: A task brought straight to review completes like any other
    Given the task "Spring launch" is in review
    When the platform approves "Spring launch"
    Then the task "Spring launch" is completed
    And the creator's balance is 7600 yuan
