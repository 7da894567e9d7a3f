"""python -m mali_tracker.ingest {acled,ucdp} FILE.csv --out DIR

Convert an ACLED or UCDP GED export into the dashboard's tables in DIR, then run the app on it
with `MALI_TRACKER_DATA=DIR streamlit run app.py`. A file that is not such an export is
refused with one line saying why, and DIR is left as it was.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from mali_tracker.ingest import acled, ucdp
from mali_tracker.ingest.common import IngestError, progress, write_folder

FORMATS = {"acled": acled, "ucdp": ucdp}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mali_tracker.ingest", description=__doc__.splitlines()[0])
    parser.add_argument("format", choices=sorted(FORMATS), help="which export the file is")
    parser.add_argument("file", type=Path, help="the export, as CSV")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the tables into")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    importer = FORMATS[args.format]
    try:
        if args.format == "acled":  # streamed: memory stays flat with the export's length
            counts = acled.ingest(args.file, args.out)
        else:  # a whole UCDP GED release is a few hundred thousand rows: read in memory
            tables = importer.to_tables(importer.read_events(args.file))
            write_folder(tables, args.out, made_by=f"ingest {args.format}", made_from=args.file.name)
            counts = {name: frame.height for name, frame in tables.items()}
    except IngestError as exc:
        print(f"ingest refused: {exc}. Nothing was written to {args.out}.", file=sys.stderr)
        return 2
    progress(f"done in {time.perf_counter() - started:.1f} s")
    print(f"Wrote {counts['events']:,} events and {counts['actors']:,} actors to {args.out}. "
          f"Run: MALI_TRACKER_DATA={args.out} streamlit run app.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
