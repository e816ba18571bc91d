"""The review queue: tag suggestions under the confidence threshold wait for a person; decisions feed retraining."""
from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "scrutiny.review"
    verbose_name = "Tag review"

    def ready(self):
        # The staff home links to the queue with its size: a template function, so no other
        # app's page code needs to know about the queue.
        from django.template import engines
        from django.template.backends.jinja2 import Jinja2

        from scrutiny.review.services import queue_size

        for engine in engines.all():
            if isinstance(engine, Jinja2):
                engine.env.globals["review_queue_size"] = lambda request: queue_size(request.user) if request else 0
