"""The referrals service: residents referred to employment, training and advice providers, their
appointments and the journey each takes to its outcome."""
