//! Line numbers for CSV records that are right where the csv crate's are not.
//!
//! The csv crate counts a line only when it consumes a `\n`, and stops a record after the `\r`
//! of a `\r\n`: in a CRLF file (any CSV saved on Windows, or by Python's csv module) every
//! record's line came out one too low (rust-csv issue 395, open), and a lone `\r` (old Mac
//! files) ends a record but no line. It also gives the record after a blank line the blank
//! line's number (issue 208). [`LfReader`] turns each `\r\n` and each lone `\r` into `\n`
//! before the parser, which fixes the first two (inside a quoted field the text changes only
//! by that, which paragraph splitting reads as the same line break), and remembers where it
//! passed line breaks, so that [`record_line`] can step over blank lines. It also counts the
//! double quotes it passes: the csv crate reads a quoted field that is never closed to the end
//! of the file without a word, so the rows after it would vanish into one text.

use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read};

/// A reader that turns every `\r\n` and lone `\r` of `inner` into `\n`, and remembers the
/// offsets, in what it returns, of the line breaks the parser has not yet been asked about.
pub struct LfReader<R> {
    inner: BufReader<R>,
    /// Bytes returned so far.
    returned: u64,
    /// Offsets of returned `\n`s at or after the last record asked about.
    breaks: VecDeque<u64>,
    /// How many `"` were returned.
    quotes: u64,
}

impl<R: Read> LfReader<R> {
    /// Wraps a reader.
    pub fn new(inner: R) -> Self {
        LfReader {
            inner: BufReader::new(inner),
            returned: 0,
            breaks: VecDeque::new(),
            quotes: 0,
        }
    }

    /// Whether an odd number of `"` was read: at the end of the input, a quoted field was
    /// opened and never closed.
    pub fn odd_quotes(&self) -> bool {
        self.quotes % 2 == 1
    }

    /// How many blank lines start at this offset: the parser skips them and counts the
    /// record after them from where they began. Offsets must be asked in increasing order.
    fn blank_lines_at(&mut self, offset: u64) -> u64 {
        while self.breaks.front().is_some_and(|&at| at < offset) {
            self.breaks.pop_front();
        }
        let mut blank = 0;
        while self.breaks.get(blank as usize) == Some(&(offset + blank)) {
            blank += 1;
        }
        blank
    }
}

/// The 1-based line where the record (or the error) at `position` starts. Asking also lets
/// the reader forget the line breaks before it: ask for every record.
pub fn record_line<R: Read>(
    reader: &mut csv::Reader<LfReader<R>>,
    position: &csv::Position,
) -> u64 {
    position.line() + reader.get_mut().blank_lines_at(position.byte())
}

impl<R: Read> Read for LfReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let mut written = 0;
        while written < out.len() {
            let chunk = self.inner.fill_buf()?;
            if chunk.is_empty() {
                break;
            }
            if chunk[0] == b'\r' {
                self.inner.consume(1);
                // The byte after a `\r` may be in the next chunk: look before keeping it.
                if self.inner.fill_buf()?.first() != Some(&b'\n') {
                    out[written] = b'\n';
                    written += 1;
                }
                continue;
            }
            let room = out.len() - written;
            let take = room.min(chunk.len());
            let run = chunk[..take]
                .iter()
                .position(|&b| b == b'\r')
                .unwrap_or(take);
            out[written..written + run].copy_from_slice(&chunk[..run]);
            let chunk_used_up = run == chunk.len();
            self.inner.consume(run);
            written += run;
            if chunk_used_up {
                // What was read is passed on, rather than waiting on the input for more.
                break;
            }
        }
        for (at, _) in out[..written]
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == b'\n')
        {
            self.breaks.push_back(self.returned + at as u64);
        }
        self.quotes += out[..written].iter().filter(|&&b| b == b'"').count() as u64;
        self.returned += written as u64;
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out its bytes a few at a time, so that `\r\n` falls across reads.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    fn through(bytes: &[u8], step: usize, buffer: usize) -> Vec<u8> {
        let mut reader = LfReader::new(Trickle { bytes, step });
        let mut out = Vec::new();
        let mut buf = vec![0u8; buffer];
        loop {
            let n = reader.read(&mut buf).unwrap();
            if n == 0 {
                return out;
            }
            out.extend_from_slice(&buf[..n]);
        }
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_come_out_with_every_line_end_as_lf(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![b'\r', b'\n', b'a', b',', b'"']),
                0..64,
            ),
            step in 1usize..9,
            buffer in 1usize..9,
        ) {
            let mut expected = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                expected.push(if bytes[i] == b'\r' { b'\n' } else { bytes[i] });
                i += 1;
            }
            proptest::prop_assert_eq!(through(&bytes, step, buffer), expected);
        }
    }

    #[test]
    fn crlf_and_a_lone_cr_become_lf_whatever_the_reads() {
        let input = b"a,b\r\n1,\"x\r\ny\"\r\n2,z\rw\r\r\n\r";
        let expected = b"a,b\n1,\"x\ny\"\n2,z\nw\n\n\n".to_vec();
        for step in 1..=input.len() {
            for buffer in [2, 3, 7, 64] {
                assert_eq!(
                    through(input, step, buffer),
                    expected,
                    "step {step}, buffer {buffer}"
                );
            }
        }
    }

    fn record_lines(input: &str) -> Vec<u64> {
        let mut reader = csv::Reader::from_reader(LfReader::new(input.as_bytes()));
        let mut record = csv::StringRecord::new();
        let mut lines = Vec::new();
        while reader.read_record(&mut record).unwrap() {
            lines.push(record_line(&mut reader, record.position().unwrap()));
        }
        lines
    }

    #[test]
    fn lines_are_right_in_a_crlf_file() {
        let input = "id,text\r\n1,Un.\r\n2,\"Deux\r\net trois.\"\r\n3,Quatre.\r\n";
        assert_eq!(record_lines(input), vec![2, 3, 5]);
    }

    #[test]
    fn blank_lines_are_counted() {
        let input = "id,text\n\n1,Un.\n\n\n2,\"Deux\n\net trois.\"\n\r\n3,Quatre.\r4,Cinq.\n";
        assert_eq!(record_lines(input), vec![3, 6, 10, 11]);
    }
}
