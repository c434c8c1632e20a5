"""Many manifests → many PDFs: worker processes, progress, a report, incremental and resumable.

Every item goes through one task function, `render_job`, whether it runs in this process,
in a local worker process or on a Dask cluster. A job is skipped when its PDF exists and the
digest of everything it is made from (manifest, template chain, fonts, pictures, the tool's
version) equals the one recorded beside the PDF when it was written. PDFs are written
atomically and their digest only after them, so a batch killed at any moment leaves whole
PDFs and a re-run does exactly what is missing.

One job a module: `jobs` (what to make, `collect`), `outdir` (the output folder and report
checked and locked), `digest` (what a PDF is made from), `task` (`render_job`), `workers`
(local processes), `cluster` (Dask, files sent as bytes), `report` (`run_batch`, progress,
summary).
"""
from .cluster import DASK_CONNECT_SECONDS, Bundle, bundle, render_bundle
from .digest import fonts_digest, inputs_digest, job_digest
from .jobs import DIGEST_SUFFIX, LIST_SUFFIXES, Job, Outcome, collect
from .outdir import LOCK_NAME, check_batch_outputs, locked_outdir
from .report import Progress, run_batch, summary
from .task import Made, render_job
from .workers import max_workers

__all__ = ["DASK_CONNECT_SECONDS", "DIGEST_SUFFIX", "LIST_SUFFIXES", "LOCK_NAME", "Bundle",
           "Job", "Made", "Outcome", "Progress", "bundle", "check_batch_outputs", "collect",
           "fonts_digest", "inputs_digest", "job_digest", "locked_outdir", "max_workers",
           "render_bundle", "render_job", "run_batch", "summary"]
