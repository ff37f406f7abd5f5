//! Work spread over threads with results kept in input order, for `--jobs N`.
//!
//! The calling thread reads items from the iterator and hands them to `jobs` worker threads
//! over a channel, a few at a time; results come back tagged with their position and go to
//! the sink in input order. Reading, working and writing overlap (a design that waited for a
//! whole round of items left the workers idle while it was read and written, and while its
//! slowest item finished). Handing over a few items per message instead of one cuts the
//! threads' wake-ups, which cost the kernel a tenth of the time on two cores. The output is
//! the same bytes whatever the number of threads, and at most a window of a few items per
//! thread is in flight, so memory does not grow with the input.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Mutex;
use std::thread::Result as ThreadResult;

/// Items in flight per thread (read but not yet given to the sink): enough to keep threads
/// busy when item costs differ, few enough to keep memory small.
const ITEMS_PER_THREAD: usize = 8;
/// Items handed to a worker in one message, and returned in one. An item read from a slow
/// stream waits for the next three, or for the end of the input, before it is scored.
const ITEMS_PER_BATCH: usize = 4;

/// The number of threads to use when the user does not say: every core the system grants.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Maps `work` over `items` on `jobs` threads and passes each result to `sink` in input
/// order. Stops at the first error the sink returns. A panic in `work` is raised again on the
/// calling thread.
pub fn map_in_order<T, R, E>(
    items: impl Iterator<Item = T>,
    jobs: usize,
    work: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    let jobs = jobs.max(1);
    if jobs == 1 {
        for item in items {
            sink(work(item))?;
        }
        return Ok(());
    }
    // Batches in flight; both channels hold them all, so neither side ever waits on a full
    // channel.
    let window = jobs * ITEMS_PER_THREAD / ITEMS_PER_BATCH;
    let (task_sender, task_receiver) = sync_channel::<(usize, Vec<T>)>(window);
    let task_receiver = Mutex::new(task_receiver);
    std::thread::scope(|scope| {
        let (result_sender, result_receiver) =
            sync_channel::<(usize, ThreadResult<Vec<R>>)>(window);
        for _ in 0..jobs {
            let result_sender = result_sender.clone();
            let (task_receiver, work) = (&task_receiver, &work);
            scope.spawn(move || {
                while let Some((index, batch)) = next_task(task_receiver) {
                    let result = catch_unwind(AssertUnwindSafe(|| {
                        batch.into_iter().map(work).collect::<Vec<R>>()
                    }));
                    if result_sender.send((index, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(result_sender);
        let mut items = items.fuse();
        let mut sent = 0;
        let mut sunk = 0;
        let mut finished: BTreeMap<usize, Vec<R>> = BTreeMap::new();
        let outcome = 'run: loop {
            while sent - sunk < window {
                let batch: Vec<T> = items.by_ref().take(ITEMS_PER_BATCH).collect();
                if batch.is_empty() {
                    break;
                }
                task_sender
                    .send((sent, batch))
                    .expect("workers wait for tasks until the sender is dropped");
                sent += 1;
            }
            if sunk == sent {
                break Ok(());
            }
            let (index, result) = result_receiver
                .recv()
                .expect("a worker answers every task it takes");
            match result {
                Ok(results) => finished.insert(index, results),
                Err(panic) => resume_unwind(panic),
            };
            while let Some(results) = finished.remove(&sunk) {
                sunk += 1;
                for result in results {
                    if let Err(error) = sink(result) {
                        break 'run Err(error);
                    }
                }
            }
        };
        // Closing both channels lets the workers stop before the scope waits for them.
        drop(task_sender);
        drop(result_receiver);
        outcome
    })
}

/// The next task for a worker, or `None` once the calling thread stopped sending.
fn next_task<T>(tasks: &Mutex<Receiver<(usize, Vec<T>)>>) -> Option<(usize, Vec<T>)> {
    tasks.lock().unwrap_or_else(|e| e.into_inner()).recv().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(jobs: usize, n: usize) -> Vec<usize> {
        let mut out = Vec::new();
        map_in_order(
            0..n,
            jobs,
            |i| {
                // Uneven work, so threads finish out of order.
                std::thread::sleep(std::time::Duration::from_micros(((n - i) % 7) as u64 * 50));
                i * 10
            },
            |r| {
                out.push(r);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        out
    }

    #[test]
    fn results_come_in_input_order_whatever_the_threads() {
        let expected: Vec<usize> = (0..100).map(|i| i * 10).collect();
        for jobs in [1, 2, 3, 8] {
            assert_eq!(run(jobs, 100), expected, "jobs {jobs}");
        }
        assert!(run(4, 0).is_empty());
        // Fewer items than a batch, and a last batch left part-filled.
        assert_eq!(run(2, 3), vec![0, 10, 20]);
        assert_eq!(run(3, 102), (0..102).map(|i| i * 10).collect::<Vec<_>>());
    }

    #[test]
    #[should_panic(expected = "item 7")]
    fn a_panic_in_work_reaches_the_caller() {
        let _ = map_in_order(
            0..100,
            2,
            |i| {
                assert_ne!(i, 7, "item 7");
                i
            },
            |_| Ok::<(), ()>(()),
        );
    }

    #[test]
    fn the_first_sink_error_stops_the_run() {
        let mut seen = 0;
        let result = map_in_order(
            0..1000,
            2,
            |i| i,
            |i| {
                seen += 1;
                if i == 20 {
                    Err(i)
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(result, Err(20));
        assert_eq!(seen, 21);
    }
}
