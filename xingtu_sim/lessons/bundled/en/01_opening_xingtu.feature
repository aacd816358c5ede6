@lesson @en
Feature: Lesson 1: Opening Xingtu
  To take paid ad tasks you first open Xingtu. Brands look for Douyin accounts with at least
  100,000 followers; yours has 150,000. Go to your account and open Xingtu: you will then be
  receiving tasks. Opening it commits you to nothing.

  Scenario: Open Xingtu with 150,000 followers
    Given a creator with 150000 followers
    Then the creator's Xingtu is open
