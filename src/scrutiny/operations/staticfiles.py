"""Static files for production: whitenoise's compressed, content-hashed storage, forgiving of a
stylesheet that points at a file the build leaves out.

GOV.UK Frontend's Sass refers to images/govuk-crest.svg (the crown, for gov.uk services only),
which the build rightly does not ship. Django's manifest storage would then refuse to collect
anything at all; here the reference stays as written (the rule that uses it shows no image) and
collectstatic names it in a warning."""

import logging

from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger(__name__)


class ForgivingManifestStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._missing = set()

    def hashed_name(self, name, content=None, filename=None):
        try:
            return super().hashed_name(name, content, filename)
        except ValueError:
            if content is not None:
                raise
            if name not in self._missing:
                self._missing.add(name)
                logger.warning("static files: %s is referred to but not in the build; left as it is", name)
            return name
