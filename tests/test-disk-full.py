#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Nothing is lost when a write fails (issue 10, items 1 and 4; issue 11,
finding 7), checked with the real command on a nearly full disk.

The disk is a small tmpfs, mounted in a private mount namespace when the
test runs as root; where that is impossible the same cases run with write
failures injected (tests/fail-writes.c, preloaded), and the TAP output says
which. The injected run happens in any case. For `gloss import --force`,
`gloss export -f brat -o DIR`, `gloss export -f documents-jsonl -o FILE`
and a document save (`gloss reanchor`), with no, a little and some space
left: exit status 1, a message naming the file, every file that was there
byte for byte as it was, no temporary file left, and with room again the
same command succeeds (so the failure was the disk's).

Then: a read-only annotation file (mode 0444, and one of root's that
another user may not write) is never replaced, for root and for another
user (setpriv); and `-o` writes through links, into FIFOs, /dev/null and
/dev/stdout, and refuses a folder by name."""
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading

GLOSS = os.path.abspath(sys.argv[1])
SHIM = os.path.abspath(sys.argv[2])
NOBODY = 65534
TMPFS_SIZE = 4 * 1024 * 1024
FREE = [0, 4096, 40000]
INNER = "GLOSS_TEST_DISK_FULL_INNER"

results = []


def check(ok, description, detail=""):
    results.append((bool(ok), description, detail))


def env_for(budget=None):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    env.pop("LD_PRELOAD", None)
    if budget is not None:
        env["LD_PRELOAD"] = SHIM
        env["GLOSS_TEST_WRITE_BUDGET"] = str(budget)
        # An ASan build wants its runtime first; the shim comes before it
        options = env.get("ASAN_OPTIONS", "")
        env["ASAN_OPTIONS"] = (options + ":" if options else "") + "verify_asan_link_order=0"
    return env


def gloss(*args, budget=None, user=None, **kwargs):
    command = [GLOSS, *args]
    if user is not None:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
    kwargs.setdefault("capture_output", True)
    return subprocess.run(command, env=env_for(budget), **kwargs)


# The data ------------------------------------------------------------------

def article(seed, n):
    sentences = [f"Satz {seed}-{i} sagt etwas über die Stadtwerke und ihre Preise." for i in range(n)]
    text = " ".join(sentences)
    labels, start = [], 0
    for i, sentence in enumerate(sentences):
        if i % 3 == 0:
            labels.append([start, start + len(sentence), "claim"])
        start += len(sentence) + 1
    return text, labels


def write_doccano(path, docs):
    with open(path, "w", encoding="utf-8") as f:
        for doc_id, (text, labels) in docs.items():
            f.write(json.dumps({"id": doc_id, "text": text, "label": labels}, ensure_ascii=False) + "\n")


class Data:
    """Inputs on the ordinary disk: a small old import, a large new one, and
    an annotated corpus to export."""

    def __init__(self, root):
        self.old_input = os.path.join(root, "old.jsonl")
        self.new_input = os.path.join(root, "new.jsonl")
        write_doccano(self.old_input, {"a.txt": article("alt-a", 20), "b.txt": article("alt-b", 20)})
        write_doccano(self.new_input, {name: article("neu-" + name, 1500) for name in ("a.txt", "b.txt", "c.txt")})
        self.corpus = os.path.join(root, "corpus")
        result = gloss("import", "-f", "doccano", self.new_input, "--into", self.corpus)
        assert result.returncode == 0, result.stderr.decode()


# What a folder holds, to compare before and after ---------------------------

def snapshot(folder):
    found = {}
    for base, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = os.path.join(base, name)
            st = os.lstat(path)
            rel = os.path.relpath(path, folder)
            if stat.S_ISLNK(st.st_mode):
                found[rel] = ("link", os.readlink(path))
            elif stat.S_ISDIR(st.st_mode):
                found[rel] = ("folder", None)
            else:
                with open(path, "rb") as f:
                    found[rel] = ("file", f.read(), stat.S_IMODE(st.st_mode), st.st_uid)
    return found


def differences(before, after):
    lines = []
    for rel in sorted(set(before) | set(after)):
        if rel not in after:
            lines.append(f"{rel}: gone")
        elif rel not in before:
            lines.append(f"{rel}: new")
        elif before[rel] != after[rel]:
            old, new = before[rel], after[rel]
            size = lambda entry: len(entry[1]) if entry[0] == "file" else entry[1]
            lines.append(f"{rel}: changed ({size(old)} -> {size(new)})")
    return "\n".join(lines)


# The disk --------------------------------------------------------------------

class Tmpfs:
    """A nearly full disk: a tmpfs filled up to a given number of bytes."""

    name = "tmpfs"

    def __init__(self, mount_point):
        self.mount_point = mount_point
        self.filler = os.path.join(mount_point, "filler")

    def fill(self, free):
        with open(self.filler, "wb", buffering=0) as f:
            for chunk in (1 << 20, 1 << 16, 1 << 12, 1 << 8, 1):
                block = b"\0" * chunk
                try:
                    while True:
                        f.write(block)
                except OSError:
                    pass
        size = os.path.getsize(self.filler)
        os.truncate(self.filler, max(size - free, 0))
        return None

    def make_room(self):
        if os.path.exists(self.filler):
            os.unlink(self.filler)


class Injected:
    """No real disk fills: the command's writes fail after `free` bytes."""

    name = "injected"

    def __init__(self, mount_point):
        self.mount_point = mount_point

    def fill(self, free):
        return free

    def make_room(self):
        pass


def scenario(disk, label, prepare, command, target):
    """Prepares `target` (a folder on `disk`), then runs `command` with the
    disk full to each degree of FREE, and checks that nothing changed."""
    for free in FREE:
        work = tempfile.mkdtemp(dir=disk.mount_point)
        folder = os.path.join(work, target)
        prepare(folder)
        before = snapshot(work)
        budget = disk.fill(free)
        try:
            result = gloss(*command(folder), budget=budget)
        finally:
            disk.make_room()
        after = snapshot(work)
        stderr = result.stderr.decode("utf-8", "replace")
        where = f"{label}, {disk.name}, {free} bytes free"
        check(result.returncode == 1, f"{where}: exit status 1", f"exit {result.returncode}: {stderr}")
        check(before == after, f"{where}: every file as it was, no temporary left", differences(before, after))
        check("“" + work in stderr, f"{where}: the message names the file", stderr)
        check("left as it was" in stderr or "No file was created" in stderr,
              f"{where}: the message says what became of the file", stderr)

        # With room, the same command writes: the failure was the disk's
        again = gloss(*command(folder))
        check(again.returncode == 0 and snapshot(work) != before, f"{where}: with room it succeeds",
              again.stderr.decode("utf-8", "replace"))
        shutil.rmtree(work)


def disk_cases(disk, data):
    def import_old(folder):
        result = gloss("import", "-f", "doccano", data.old_input, "--into", folder)
        assert result.returncode == 0, result.stderr.decode()

    scenario(disk, "import --force", import_old,
             lambda folder: ["import", "-f", "doccano", "--force", data.new_input, "--into", folder], "imported")

    def export_old_brat(folder):
        small = os.path.join(os.path.dirname(folder), "small")
        result = gloss("import", "-f", "doccano", data.old_input, "--into", small)
        assert result.returncode == 0, result.stderr.decode()
        result = gloss("export", "-f", "brat", "-o", folder, small)
        assert result.returncode == 0, result.stderr.decode()

    scenario(disk, "export -f brat -o DIR", export_old_brat,
             lambda folder: ["export", "-f", "brat", "-o", folder, data.corpus], "brat")

    def old_export(folder):
        os.makedirs(folder)
        with open(os.path.join(folder, "corpus.jsonl"), "w", encoding="utf-8") as f:
            f.write('{"id": "an earlier export"}\n')

    scenario(disk, "export -f documents-jsonl -o FILE", old_export,
             lambda folder: ["export", "-f", "documents-jsonl", "-o", os.path.join(folder, "corpus.jsonl"),
                             data.corpus], "out")

    def annotated(folder):
        shutil.copytree(data.corpus, folder)
        # A new first sentence: the save moves every annotation
        text = os.path.join(folder, "a.txt")
        with open(text, encoding="utf-8") as f:
            contents = f.read()
        with open(text, "w", encoding="utf-8") as f:
            f.write("Ein neuer erster Satz. " + contents)

    scenario(disk, "document save (reanchor)", annotated,
             lambda folder: ["reanchor", os.path.join(folder, "a.txt")], "saved")


# Read-only annotation files -----------------------------------------------------

def read_only_cases(root):
    def annotated(name):
        folder = os.path.join(root, name)
        os.makedirs(folder)
        os.chmod(folder, 0o777)
        with open(os.path.join(folder, "a.txt"), "w", encoding="utf-8") as f:
            f.write("Eins ist gut. Zwei ist besser. Drei ist am besten.")
        write_doccano(os.path.join(root, name + ".jsonl"),
                      {"a.txt": ("Eins ist gut. Zwei ist besser. Drei ist am besten.", [[0, 13, "claim"]])})
        result = gloss("import", "-f", "doccano", "--force", os.path.join(root, name + ".jsonl"), "--into", folder)
        assert result.returncode == 0, result.stderr.decode()
        os.chmod(os.path.join(folder, "a.txt"), 0o644)
        return folder

    def try_save(folder, mode, user, description):
        sidecar = os.path.join(folder, "a.txt.gloss.json")
        os.chmod(sidecar, mode)
        before = snapshot(folder)
        result = gloss("reanchor", os.path.join(folder, "a.txt"), user=user)
        stderr = result.stderr.decode("utf-8", "replace")
        check(result.returncode == 1, f"{description}: the save is refused", f"exit {result.returncode}: {stderr}")
        check("read-only" in stderr and "“" + sidecar + "”" in stderr,
              f"{description}: the message names the file and says it is read-only", stderr)
        check(snapshot(folder) == before, f"{description}: the file, its owner and mode are as they were",
              differences(before, snapshot(folder)))

    try_save(annotated("mode-0444"), 0o444, None,
             "a 0444 annotation file, as " + ("root" if os.geteuid() == 0 else "its owner"))

    if os.geteuid() != 0:
        print("# not root: the cases of another user's annotation file are not tried")
        return
    if shutil.which("setpriv") is None:
        check(False, "setpriv is there to run Gloss as another user")
        return

    # Gloss must be reachable for that user
    os.chmod(root, 0o755)
    try_save(annotated("root-0444"), 0o444, NOBODY, "root's 0444 annotation file, as another user")
    try_save(annotated("root-0644"), 0o644, NOBODY, "root's 0644 annotation file, as another user")


# Where -o writes --------------------------------------------------------------------

def output_cases(root, corpus, private_dev):
    def export_to(out, **kwargs):
        return gloss("export", "-f", "documents-jsonl", "-o", out, corpus, **kwargs)

    # A link: written through, the link stays
    real = os.path.join(root, "real.jsonl")
    link = os.path.join(root, "link.jsonl")
    with open(real, "w") as f:
        f.write("old\n")
    os.symlink("real.jsonl", link)
    result = export_to(link)
    with open(real, "rb") as f:
        written = f.read()
    check(result.returncode == 0 and os.path.islink(link) and written.startswith(b'{"id": '),
          "-o LINK writes the file the link names and keeps the link", result.stderr.decode())

    # A folder, for a format that writes one file
    folder = os.path.join(root, "a-folder")
    os.makedirs(folder)
    result = export_to(folder)
    stderr = result.stderr.decode("utf-8", "replace")
    check(result.returncode == 1 and "“" + folder + "”" in stderr and os.path.isdir(folder)
          and not os.listdir(folder), "-o DIR for documents-jsonl is refused, naming the folder", stderr)

    # A FIFO: written straight into
    fifo = os.path.join(root, "pipe")
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(open(fifo, "rb").read()))
    reader.start()
    result = export_to(fifo)
    reader.join(timeout=60)
    check(result.returncode == 0 and received and received[0].startswith(b'{"id": ')
          and stat.S_ISFIFO(os.lstat(fifo).st_mode), "-o FIFO writes into the FIFO", result.stderr.decode())

    # /dev/null
    result = export_to("/dev/null")
    check(result.returncode == 0 and stat.S_ISCHR(os.lstat("/dev/null").st_mode),
          "-o /dev/null succeeds and leaves /dev/null a device", result.stderr.decode())

    # A link to the process's standard output, as /dev/stdout is: on a
    # pipe, and on a file
    own_stdout = os.path.join(root, "stdout")
    os.symlink("/proc/self/fd/1", own_stdout)
    result = export_to(own_stdout)
    check(result.returncode == 0 and result.stdout.startswith(b'{"id": ') and os.path.islink(own_stdout),
          "-o LINK-TO-/proc/self/fd/1 on a pipe writes into the pipe, the link stays", result.stderr.decode())
    redirected = os.path.join(root, "redirected.jsonl")
    with open(redirected, "wb") as out:
        result = export_to(own_stdout, stdout=out, stderr=subprocess.PIPE, capture_output=False)
    with open(redirected, "rb") as f:
        check(result.returncode == 0 and f.read().startswith(b'{"id": ') and os.path.islink(own_stdout),
              "-o LINK-TO-/proc/self/fd/1 on a file writes the file, the link stays", result.stderr.decode())

    # /dev/stdout itself: tried where a failure could not replace the
    # system's link (another user may not; root only in a private /dev)
    if os.geteuid() != 0 or private_dev:
        before = os.readlink("/dev/stdout")
        result = export_to("/dev/stdout")
        check(result.returncode == 0 and result.stdout.startswith(b'{"id": ')
              and os.path.islink("/dev/stdout") and os.readlink("/dev/stdout") == before,
              "-o /dev/stdout writes to the standard output, /dev/stdout stays a link", result.stderr.decode())
    else:
        print("# /dev/stdout itself not tried: root without a private /dev; its stand-in above was")


# Private mounts (root) ------------------------------------------------------------

def mount(*args):
    return subprocess.run(["mount", *args], capture_output=True, text=True)


def make_private_dev(root):
    """A /dev of this mount namespace's own, so that a broken Gloss could
    not replace the machine's /dev/stdout."""
    dev = os.path.join(root, "dev")
    os.makedirs(dev)
    for name in ("null", "zero", "full", "random", "urandom", "tty"):
        path = os.path.join(dev, name)
        open(path, "w").close()
        if mount("--bind", "/dev/" + name, path).returncode != 0:
            os.unlink(path)
    for name, target in (("stdin", "/proc/self/fd/0"), ("stdout", "/proc/self/fd/1"),
                         ("stderr", "/proc/self/fd/2"), ("fd", "/proc/self/fd")):
        os.symlink(target, os.path.join(dev, name))
    for name in ("pts", "shm"):
        os.makedirs(os.path.join(dev, name))
        mount("--bind", "/dev/" + name, os.path.join(dev, name))
    return mount("--rbind", dev, "/dev").returncode == 0


def main():
    in_namespace = os.environ.get(INNER) == "1"

    # As root, the test goes into a mount namespace of its own: the tmpfs
    # and the private /dev vanish with it, whatever happens; the folder is
    # removed out here, once they are gone
    if os.geteuid() == 0 and not in_namespace and shutil.which("unshare"):
        probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "true"], capture_output=True)
        if probe.returncode == 0:
            root = tempfile.mkdtemp(prefix="gloss-disk-full-")
            try:
                result = subprocess.run(["unshare", "--mount", "--propagation", "private",
                                         sys.executable, os.path.abspath(__file__), GLOSS, SHIM],
                                        env=dict(os.environ, **{INNER: "1", INNER + "_ROOT": root}))
            finally:
                shutil.rmtree(root, ignore_errors=True)
            sys.exit(result.returncode)
        print(f"# no mount namespace ({probe.stderr.decode().strip()})")

    root = os.environ[INNER + "_ROOT"] if in_namespace else tempfile.mkdtemp(prefix="gloss-disk-full-")
    # Another user runs Gloss on files in here
    os.chmod(root, 0o755)
    mount_point = os.path.join(root, "disk")
    os.makedirs(mount_point)
    mounted = False
    try:
        data = Data(root)

        why_not = "not root"
        if os.geteuid() == 0:
            result = mount("-t", "tmpfs", "-o", f"size={TMPFS_SIZE}", "gloss-test", mount_point)
            mounted = result.returncode == 0
            why_not = result.stderr.strip()
        if mounted:
            print(f"# disk full: a {TMPFS_SIZE // 1024} KiB tmpfs, and injected write failures")
            disk_cases(Tmpfs(mount_point), data)
        else:
            print(f"# disk full: injected write failures only (LD_PRELOAD fail-writes): "
                  f"no tmpfs could be mounted ({why_not})")

        injected = os.path.join(root, "injected")
        os.makedirs(injected)
        disk_cases(Injected(injected), data)

        read_only = os.path.join(root, "read-only")
        os.makedirs(read_only)
        read_only_cases(read_only)

        outputs = os.path.join(root, "outputs")
        os.makedirs(outputs)
        private_dev = in_namespace and make_private_dev(root)
        output_cases(outputs, data.corpus, private_dev)
    finally:
        if not in_namespace:
            if mounted and subprocess.run(["umount", mount_point], capture_output=True).returncode != 0:
                print(f"# could not unmount {mount_point}")
            shutil.rmtree(root, ignore_errors=True)

    print(f"1..{len(results)}")
    for number, (ok, description, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {number} - {description}")
        if not ok and detail:
            for line in detail.splitlines()[:20]:
                print(f"#   {line}")
    sys.exit(0 if all(ok for ok, _, _ in results) else 1)


main()
