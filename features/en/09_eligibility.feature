@eligibility @en
Feature: Who may open Xingtu
  Opening Xingtu is needed to take paid tasks. Brands pick Douyin creators with at least
  100,000 followers; Xigua and Huoshan accounts need 50,000.

  Scenario Outline: Enough followers on the platform: Xingtu opens
    Given a creator with <followers> followers on <platform>
    When the creator opens Xingtu
    Then the creator's Xingtu is open

    Examples:
      | platform | followers |
      | douyin   | 100000    |
      | xigua    | 50000     |
      | huoshan  | 50000     |

  Scenario Outline: Too few followers: not eligible, and nothing changes
    Given a creator with <followers> followers on <platform>
    When the creator opens Xingtu
    Then the action is refused because not eligible
    And the creator's Xingtu is not open
    And the creator's account is unchanged

    Examples:
      | platform | followers |
      | douyin   | 99999     |
      | xigua    | 49999     |
      | huoshan  | 49999     |

  Scenario: A brand cannot publish to a creator who has not opened Xingtu
    Given a creator with 150000 followers
    When the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    Then the action is refused because Xingtu not opened
    And the creator has 0 pending tasks
