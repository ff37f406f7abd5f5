//! Work spread over threads with results kept in input order, for `--jobs N`.
//!
//! Items are taken from the iterator a batch at a time (a few per thread), mapped on scoped
//! threads, and handed to the sink in input order before the next batch is read. The output is
//! therefore the same bytes whatever the number of threads, and memory holds one batch, not the
//! whole input.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Items read per thread before a batch is mapped: enough to keep threads busy when item costs
/// differ, few enough to keep memory small.
const ITEMS_PER_THREAD: usize = 8;

/// The number of threads to use when the user does not say: every core the system grants.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Maps `work` over `items` on `jobs` threads and passes each result to `sink` in input
/// order. Stops at the first error the sink returns.
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
    let mut items = items.peekable();
    while items.peek().is_some() {
        let batch: Vec<Mutex<Option<T>>> = items
            .by_ref()
            .take(jobs * ITEMS_PER_THREAD)
            .map(|item| Mutex::new(Some(item)))
            .collect();
        let results: Vec<Mutex<Option<R>>> = batch.iter().map(|_| Mutex::new(None)).collect();
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..jobs.min(batch.len()) {
                scope.spawn(|| loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(slot) = batch.get(index) else {
                        break;
                    };
                    let item = take(slot);
                    let result = work(item);
                    *results[index].lock().unwrap_or_else(|e| e.into_inner()) = Some(result);
                });
            }
        });
        for slot in &results {
            sink(take(slot))?;
        }
    }
    Ok(())
}

/// Takes the value out of a slot that the batch filled exactly once.
fn take<T>(slot: &Mutex<Option<T>>) -> T {
    slot.lock()
        .unwrap_or_else(|e| e.into_inner())
        .take()
        .expect("every slot of a batch is filled once and taken once")
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
