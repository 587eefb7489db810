"""Calls from several Python threads run at once: the bindings release
the GIL during database and crypto work, and the library's transactions
keep stock exact."""

import sys
import threading
import time

import pytest

import shopkit
from conftest import ADDRESS, shirt

THREADS = 8
CHECKOUTS_PER_THREAD = 5


@pytest.fixture
def long_switch_interval():
    """Stop the interpreter from switching threads on its own.

    With a switch interval of 10 s, a thread keeps the GIL until it
    releases it itself, so two calls can overlap in time only when the
    bindings release the GIL inside the call.
    """
    previous = sys.getswitchinterval()
    sys.setswitchinterval(10.0)
    yield
    sys.setswitchinterval(previous)


def run_checkouts(platform, store):
    """Run CHECKOUTS_PER_THREAD one-unit checkouts in each of THREADS
    threads.

    Returns the (start, end, thread) intervals of the calls that placed
    an order, and the number of calls that raised Conflict.
    """
    intervals, conflicts = [], []
    lock = threading.Lock()
    barrier = threading.Barrier(THREADS)

    def buyer(thread):
        barrier.wait()
        for attempt in range(CHECKOUTS_PER_THREAD):
            start = time.monotonic()
            try:
                platform.stores.checkout(
                    shopkit.Principal.anonymous(), store.handle,
                    lines=[{"sku": "LS-S-BLU", "quantity": 1}],
                    email="buyer@example.com", shipping_address=ADDRESS,
                    idempotency_key=f"thread-{thread}-{attempt}")
            except shopkit.Conflict:
                with lock:
                    conflicts.append(thread)
                continue
            end = time.monotonic()
            with lock:
                intervals.append((start, end, thread))

    threads = [threading.Thread(target=buyer, args=(number,))
               for number in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return intervals, len(conflicts)


def overlapping_pairs(intervals):
    """Count pairs of calls from different threads that overlap in time."""
    count = 0
    for i, (start_a, end_a, thread_a) in enumerate(intervals):
        for start_b, end_b, thread_b in intervals[i + 1:]:
            if thread_a != thread_b and start_a < end_b and start_b < end_a:
                count += 1
    return count


def test_checkouts_overlap_and_stock_exact(
        platform, merchant, store, long_switch_interval):
    stock = 30  # Fewer units than the 40 checkouts ask for.
    platform.admin.create_product(merchant, store.id, shirt(stock=stock))

    intervals, conflicts = run_checkouts(platform, store)

    assert overlapping_pairs(intervals) > 0
    assert len(intervals) == stock
    assert conflicts == THREADS * CHECKOUTS_PER_THREAD - stock
    level = platform.admin.get_stock(merchant, store.id, "LS-S-BLU")
    assert level.stock == 0
    numbers = sorted(order.number for order in
                     platform.admin.iter_orders(merchant, store.id))
    assert numbers == list(range(1, stock + 1))


def test_logins_overlap(tmp_path, long_switch_interval):
    """scrypt hashing runs without the GIL too. The cost here (N = 2**12,
    r = 8, 4 MiB a hash) makes each login take milliseconds, long enough
    for the other threads to start."""
    options = shopkit.AuthOptions(scrypt_log2_n=12, scrypt_r=8)
    intervals = []
    lock = threading.Lock()
    barrier = threading.Barrier(4)

    with shopkit.Platform.open(tmp_path / "d", auth=options) as platform:
        platform.auth.register(email="t@example.com",
                               password="correct horse", name="T")

        def login(thread):
            barrier.wait()
            for _ in range(3):
                start = time.monotonic()
                platform.auth.login(email="t@example.com",
                                    password="correct horse")
                end = time.monotonic()
                with lock:
                    intervals.append((start, end, thread))

        threads = [threading.Thread(target=login, args=(number,))
                   for number in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert len(intervals) == 12
    assert overlapping_pairs(intervals) > 0
