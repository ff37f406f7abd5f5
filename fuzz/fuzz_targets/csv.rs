//! Reading a labeled CSV never panics, and every line it names (a record's or an error's) is a
//! line of the input, records in order.
#![no_main]

use std::path::PathBuf;

use calque::dataset::ArticleReader;
use calque::error::Error;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path: PathBuf =
        std::env::temp_dir().join(format!("calque-fuzz-{}.csv", std::process::id()));
    std::fs::write(&path, data).unwrap();
    // Lines as calque counts them: CR LF, LF and a lone CR each end one.
    let text = String::from_utf8_lossy(data);
    let lines = text.replace("\r\n", "\n").split(['\n', '\r']).count() as u64;
    let within = |line: u64| assert!((1..=lines).contains(&line), "line {line} of {lines}");
    for labeled in [true, false] {
        let reader = if labeled {
            ArticleReader::open(&path, None)
        } else {
            ArticleReader::open_unlabeled(&path)
        };
        let reader = match reader {
            Ok(reader) => reader,
            Err(Error::Csv { line, .. }) => {
                within(line);
                continue;
            }
            Err(other) => panic!("not a CSV error: {other}"),
        };
        let mut last = 0;
        for article in reader {
            match article {
                Ok(rows) => {
                    for row in rows {
                        within(row.line);
                        assert!(row.line > last, "line {} after {last}", row.line);
                        last = row.line;
                    }
                }
                Err(Error::Csv { line, .. }) => {
                    within(line);
                    break;
                }
                Err(other) => panic!("not a CSV error: {other}"),
            }
        }
    }
});
