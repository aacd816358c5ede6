@money @en
Feature: Money and the platform's fee, to the fen
  The platform keeps a service fee from each completed task (5 percent by default, an
  illustrative figure). Money is exact: the fee is rounded half-up to the fen, and what
  the creator receives plus the fee is always the price.

  Scenario Outline: The fee is rounded half-up to the fen
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the service fee is <percent> percent
    And the brand "Nike" publishes the task "Spring launch" paying <price> yuan
    And the task "Spring launch" is in review
    When the platform approves "Spring launch"
    Then the platform fee for "Spring launch" is <fee> yuan
    And the creator's balance is <net> yuan

    Examples:
      | percent | price   | fee    | net     |
      | 5       | 10.10   | 0.51   | 9.59    |
      | 5       | 8000    | 400.00 | 7600.00 |
      | 10      | 99.99   | 10.00  | 89.99   |
      | 3       | 0.50    | 0.02   | 0.48    |
      | 0       | 500     | 0      | 500     |

  Scenario: Two completed tasks add up to the fen
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 10.10 yuan
    And the brand "Li Ning" publishes the task "Summer sale" paying 20.30 yuan
    And the task "Spring launch" is completed
    And the task "Summer sale" is completed
    Then the platform fee for "Spring launch" is 0.51 yuan
    And the platform fee for "Summer sale" is 1.02 yuan
    And the creator's balance is 28.87 yuan
