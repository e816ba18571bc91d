"""The review queue: tag suggestions under the confidence threshold wait for a person; decisions feed retraining."""
