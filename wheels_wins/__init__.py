"""Wheels & Wins: trips, money and community for people who live on the road."""
