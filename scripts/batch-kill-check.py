#!/usr/bin/env python3
"""Issue 12's check of `brev batch`, as a script (long: not in the test suite).

CASES generated cases (the valid examples in turn under new case numbers, every tenth an invalid
example, line 7 blank, line 13 malformed JSON), one `brev batch` run killed with SIGKILL at a
random moment KILLS times and run again after each, then run to its end. Afterwards:
  - the outbox holds exactly the letters of the valid cases, each with exactly its files, as
    `brev render` gives them for the same cases (run first, on its own: the oracle comes from
    another command, not from the batch under test);
  - no temporary (`.brev-tmp-`) name anywhere, every PDF whole (%PDF- … %%EOF), every file 0600;
  - no messageUUID twice; every message schema-valid (`brev check --memo`, libxml2 against the
    official schemas);
  - report.json lists exactly the refused lines, and `brev batch status` agrees.

  (build brev and brev-service first: `brev batch` runs in brev-service, beside brev)
  scripts/batch-kill-check.py                      # CASES=10000 KILLS=3 JOBS=2 BREV=.build/release/brev
  scripts/batch-kill-check.py --cases 400 --brev .build/debug/brev

Exit 0 when every check passed, 1 when one failed (each failure is printed).
"""
import argparse
import json
import os
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def generate(count, work):
    """The input and, per line, what must become of it (as Tests/BrevBatchTests/BatchInput.swift)."""
    examples = sorted(n for n in os.listdir(f"{ROOT}/Examples/cases") if n.endswith(".json"))
    # The anonymous sheet is left out: its id does not depend on the case.
    valid_examples = [n for n in examples if "invalid" not in n and not n.startswith("anonym")]
    invalid_examples = [n for n in examples if "invalid" in n]
    load = lambda name: json.load(open(f"{ROOT}/Examples/cases/{name}", encoding="utf-8"))
    lines, refused, valid = [], set(), {}
    v = i = 0
    while len(lines) < count:
        number = len(lines) + 1
        if number == 7:
            lines.append("")
        elif number == 13:
            lines.append('{"case_number": "x",')
            refused.add(number)
        elif number % 10 == 0:
            case = load(invalid_examples[i % len(invalid_examples)])
            case["case_number"] = f"27.36.08-G01-{20000 + number}-26"
            lines.append(json.dumps(case, ensure_ascii=False, sort_keys=True))
            refused.add(number)
            i += 1
        else:
            case = load(valid_examples[v % len(valid_examples)])
            case["case_number"] = f"27.36.08-G01-{20000 + number}-26"
            lines.append(json.dumps(case, ensure_ascii=False, sort_keys=True))
            valid[number] = lines[-1]
            v += 1
    with open(f"{work}/cases.jsonl", "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return refused, valid


def expected_letters(brev, valid, work, jobs):
    """Folder name → its files in the outbox (the PDF and the messages; the HTML twin stays out),
    from `brev render` of the valid cases."""
    os.makedirs(f"{work}/oracle-cases")
    with open(f"{work}/oracle-list", "w") as listing:
        for number, line in valid.items():
            path = f"{work}/oracle-cases/{number}.json"
            with open(path, "w", encoding="utf-8") as f:
                f.write(line)
            listing.write(path + "\n")
    run = subprocess.run([brev, "render", "--case-list", f"{work}/oracle-list", "--jobs", str(jobs),
                          "--out", f"{work}/oracle", "--resources", ROOT], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"brev render of the valid cases failed ({run.returncode}): {run.stderr[-2000:]}")
    letters = {}
    for out in run.stdout.splitlines():
        if " → " not in out:
            continue
        files = [os.path.basename(p) for p in out.split(" → ", 1)[1].split(", ")]
        name = files[0].rsplit(".", 1)[0]
        letters[name] = {f for f in files if not f.endswith(".html")}
    shutil.rmtree(f"{work}/oracle")
    return letters


def folders_in(outbox):
    return sum(1 for n in os.listdir(outbox) if not n.startswith(".") and os.path.isdir(f"{outbox}/{n}"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=int(os.environ.get("CASES", 10000)))
    parser.add_argument("--kills", type=int, default=int(os.environ.get("KILLS", 3)))
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("JOBS", 2)))
    parser.add_argument("--brev", default=os.environ.get("BREV", f"{ROOT}/.build/release/brev"))
    parser.add_argument("--seed", type=int, default=None, help="for the kill moments (printed either way)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    brev = os.path.abspath(args.brev)
    work = tempfile.mkdtemp(prefix="brev-batch-kill-")
    failures = []

    def check(ok, message):
        if not ok:
            failures.append(message)
            print(f"FAILED: {message}", flush=True)

    try:
        print(f"{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())} {brev}, {args.cases} cases, {args.kills} kills, "
              f"{args.jobs} jobs, seed {seed}, load average {os.getloadavg()[0]:.1f}", flush=True)
        refused, valid = generate(args.cases, work)
        started = time.monotonic()
        expected = expected_letters(brev, valid, work, args.jobs)
        oracle_seconds = time.monotonic() - started
        print(f"oracle: brev render of the {len(valid)} valid cases gave {len(expected)} letters in {oracle_seconds:.0f} s",
              flush=True)

        outbox = f"{work}/outbox"
        batch = [brev, "batch", "--input", f"{work}/cases.jsonl", "--out", outbox, "--jobs", str(args.jobs),
                 "--progress", "none", "--resources", ROOT]
        landed = 0
        for k in range(args.kills):
            # Somewhere in the first third of a whole run (the oracle's time): each kill lands in a
            # run that resumed the one before.
            delay = rng.uniform(0.03, 0.33) * oracle_seconds
            process = subprocess.Popen(batch, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                process.wait(timeout=delay)
                print(f"run {k + 1}: finished before its kill at {delay:.1f} s (exit {process.returncode})", flush=True)
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGKILL)
                process.wait()
                landed += 1
                print(f"run {k + 1}: killed after {delay:.1f} s with {folders_in(outbox)} letter folders in the outbox",
                      flush=True)
        check(landed == args.kills, f"only {landed} of {args.kills} kills landed inside a run")

        started = time.monotonic()
        final = subprocess.run(batch, capture_output=True, text=True)
        print(f"final run: exit {final.returncode} after {time.monotonic() - started:.0f} s", flush=True)
        check(final.returncode == 1, f"refused cases give exit 1, got {final.returncode}: {final.stderr[-1000:]}")

        # The outbox: exactly the expected letters, each with exactly its files, whole, private.
        temporary, folders, uuids, messages = [], {}, [], []
        for name in os.listdir(outbox):
            path = f"{outbox}/{name}"
            if name.startswith(".brev-tmp-"):
                temporary.append(name)
            if not os.path.isdir(path) or name.startswith("."):
                continue
            folders[name] = set(os.listdir(path))
            for file in folders[name]:
                full = f"{path}/{file}"
                if file.startswith(".brev-tmp-"):
                    temporary.append(f"{name}/{file}")
                mode = stat.S_IMODE(os.stat(full).st_mode)
                check(mode == 0o600, f"{name}/{file} has mode {mode:o}")
                if file.endswith(".pdf"):
                    with open(full, "rb") as f:
                        data = f.read()
                    check(data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), f"{name}/{file} is not a whole PDF")
                if file.endswith(".memo.xml") or file.endswith(".print.xml"):
                    messages.append(full)
                    text = open(full, encoding="utf-8").read()
                    found = re.findall(r"<(?:memo:messageUUID|fjernprint:AfsendelseIdentifikator)>([^<]+)<", text)
                    check(len(found) == 1, f"{name}/{file}: {len(found)} message ids")
                    uuids.extend(found)
        check(not temporary, f"temporary names left: {temporary[:5]}")
        missing = expected.keys() - folders.keys()
        extra = folders.keys() - expected.keys()
        check(not missing and not extra, f"{len(missing)} letters missing, {len(extra)} not expected")
        wrong = [n for n in expected.keys() & folders.keys() if folders[n] != expected[n]]
        check(not wrong, f"{len(wrong)} letter folders without exactly their files, e.g. {wrong[:3]}")
        check(len(set(uuids)) == len(uuids), f"{len(uuids) - len(set(uuids))} messageUUIDs are in the outbox twice")

        # Every message against the official schemas, in chunks (one process validates many).
        invalid = 0
        for chunk in range(0, len(messages), 400):
            files = messages[chunk:chunk + 400]
            run = subprocess.run([brev, "check", "--resources", ROOT] + [a for f in files for a in ("--memo", f)],
                                 capture_output=True, text=True)
            valid_count = run.stdout.count(": valid")
            if run.returncode != 0 or valid_count != len(files):
                invalid += len(files) - valid_count
                print(run.stdout[-1500:], run.stderr[-500:])
        check(invalid == 0, f"{invalid} messages not schema-valid")

        report = json.load(open(f"{outbox}/report.json"))
        listed = [entry["line"] for entry in report["refused"]]
        check(sorted(listed) == sorted(refused), f"report lists {len(listed)} refused lines, expected {len(refused)} "
              f"(missing {sorted(set(refused) - set(listed))[:5]}, extra {sorted(set(listed) - set(refused))[:5]})")
        check(not report.get("failed"), f"failed cases in the report: {report.get('failed')[:3]}")
        status = subprocess.run([brev, "batch", "status", outbox], capture_output=True, text=True)
        want = (f"cases: {len(valid) + len(refused)} ({len(valid)} done, {len(refused)} refused, 0 failed, 0 unfinished); "
                f"letters: {len(expected)} sent")
        check(want in status.stdout, f"batch status says {status.stdout.strip()!r}, expected {want!r}")

        print(f"{len(folders)} letters in the outbox ({len(expected)} expected), {len(messages)} messages "
              f"(all schema-valid: {invalid == 0}), {len(set(uuids))} distinct messageUUIDs, {len(listed)} refused lines "
              f"listed ({len(refused)} expected), {len(temporary)} temporary names", flush=True)
    finally:
        if args.keep:
            print(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print("PASSED" if not failures else f"FAILED ({len(failures)} checks)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
