//! Reading a CSV file in blocks cut at record boundaries, and the pipeline that works on the
//! blocks on all cores and folds the results in file order.
//!
//! A newline ends a record exactly when an even number of `"` precede it in the file (RFC 4180),
//! and neither `\n` nor `"` can occur inside a GB18030 multi-byte character, so a block can be cut
//! before it is decoded. The pipeline: one thread reads (and hashes) the blocks, `threads`
//! workers each take the next block and work on it, and the calling thread folds the results
//! strictly in block order, holding early arrivals until their turn. Buffers go back from the
//! workers to the reader, so the file is read into the same few buffers (no fresh pages for
//! every block).

use std::io::Read;
use std::path::Path;
use std::sync::Mutex;
use std::sync::mpsc::{channel, sync_channel};

use sha2::{Digest, Sha256};

use crate::error::{Error, Location};

/// Bytes read per block: small enough that a block, read twice by its worker (UTF-8
/// validation, then parsing), stays in the core's L2 cache beside the look-up tables.
pub const BLOCK: usize = 512 << 10;

/// Longest record the importer reads (a response with long free-text answers is kilobytes). A
/// file with no line break, or a quoted value never closed, would otherwise be buffered whole and
/// rescanned as it grows.
pub const MAX_RECORD_BYTES: usize = 16 << 20;

/// A record over [`MAX_RECORD_BYTES`], starting at byte `offset` of the file (`None` when the
/// stream is not the file's bytes: a UTF-16 file is streamed as converted text).
#[derive(Debug)]
struct LongRecord {
    offset: Option<u64>,
}

impl std::fmt::Display for LongRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::t!("survey-long-record", bytes = MAX_RECORD_BYTES))
    }
}

impl std::error::Error for LongRecord {}

/// A read error, or a record too long, as the error a user sees. The record's line is counted
/// only then, by reading the file again up to it (so that reading never pays for counting lines);
/// without a file offset (UTF-16) the message names the file only.
pub fn block_error(path: &Path, display: &str, e: std::io::Error) -> Error {
    let Some(long) = e.get_ref().and_then(|inner| inner.downcast_ref::<LongRecord>()) else {
        return Error::io(path, e);
    };
    let line = long.offset.and_then(|offset| line_at(path, offset));
    let location = match line {
        Some(line) => Location::line(display, line),
        None => Location::file(display),
    };
    Error::at(location, long.to_string())
}

/// 1-based line of a byte offset in a file.
fn line_at(path: &Path, offset: u64) -> Option<u64> {
    let mut f = std::fs::File::open(path).ok()?.take(offset);
    let (mut buf, mut line) = (vec![0u8; BLOCK], 1u64);
    loop {
        let n = f.read(&mut buf).ok()?;
        if n == 0 {
            return Some(line);
        }
        line += newlines(&buf[..n]);
    }
}

/// Reads a file in blocks that each end at a record boundary.
pub struct Blocks<R: Read> {
    reader: R,
    carry: Vec<u8>,
    eof: bool,
    /// Hashes every byte read, when set.
    pub hasher: Option<Sha256>,
    /// Bytes returned so far: where the carry starts in the stream.
    returned: u64,
    /// Whether the stream is the file's own bytes (offsets in it are the file's).
    pub file_bytes: bool,
    /// Buffers given back ([`Blocks::recycle`]), reused for the next blocks.
    spare: Vec<Vec<u8>>,
}

impl<R: Read> Blocks<R> {
    pub fn new(reader: R, hasher: Option<Sha256>) -> Self {
        Blocks {
            reader,
            carry: Vec::new(),
            eof: false,
            hasher,
            returned: 0,
            file_bytes: true,
            spare: Vec::new(),
        }
    }

    /// Give back a block's buffer for reuse.
    pub fn recycle(&mut self, buf: Vec<u8>) {
        if self.spare.len() < 8 {
            self.spare.push(buf);
        }
    }

    /// The next block: whole records, the last one ending in its newline (except at the end of
    /// the file).
    pub fn next_block(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        loop {
            if !self.eof {
                let start = self.carry.len();
                // Fill a buffer of BLOCK bytes (a recycled one has the room already), or read
                // BLOCK more while one record is longer than that.
                let want = if start < BLOCK / 2 { BLOCK - start } else { BLOCK };
                self.carry.reserve(want);
                let n = (&mut self.reader).take(want as u64).read_to_end(&mut self.carry)?;
                if n < want {
                    self.eof = true;
                }
                if let Some(h) = &mut self.hasher {
                    h.update(&self.carry[start..]);
                }
            }
            if self.eof {
                if self.carry.is_empty() {
                    return Ok(None);
                }
                self.returned += self.carry.len() as u64;
                return Ok(Some(std::mem::take(&mut self.carry)));
            }
            if let Some(cut) = record_cut(&self.carry) {
                let mut rest = self.spare.pop().unwrap_or_default();
                rest.clear();
                rest.extend_from_slice(&self.carry[cut + 1..]);
                self.carry.truncate(cut + 1);
                self.returned += (cut + 1) as u64;
                return Ok(Some(std::mem::replace(&mut self.carry, rest)));
            }
            // One record longer than the buffer: read more, up to a limit.
            if self.carry.len() > MAX_RECORD_BYTES {
                let long = LongRecord { offset: self.file_bytes.then_some(self.returned) };
                return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, long));
            }
        }
    }
}

/// Position of the last newline that ends a record (an even number of quotes before it).
pub fn record_cut(buf: &[u8]) -> Option<usize> {
    if memchr::memchr(b'"', buf).is_none() {
        return memchr::memrchr(b'\n', buf);
    }
    let mut even = true;
    let mut cut = None;
    for (i, &b) in buf.iter().enumerate() {
        match b {
            b'"' => even = !even,
            b'\n' if even => cut = Some(i),
            _ => {}
        }
    }
    cut
}

pub fn newlines(b: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', b).count() as u64
}

/// The records of a block of CSV text, read where the text lies, as the csv crate reads them
/// (blank lines skipped; each record's line the one the csv crate's `Position` gives, blank lines
/// before it counted, as [`crate::util::table::record_line`] counts them).
///
/// A line with no `"` and no `\r` (but a final one of `\r\n`) is, by RFC 4180 and in csv-core's
/// reading, exactly its fields split at commas: such a line (every line of a usual 问卷星 export)
/// is split with a byte search and its fields read in place. Any other line is read from its
/// start by csv-core (which copies the fields out, unquoted).
pub struct Records<'t> {
    text: &'t [u8],
    at: usize,
    /// Line of `at` (1-based).
    line: u64,
    /// Built when a line first needs it (building its automaton costs more than many lines).
    core: Option<csv_core::Reader>,
    /// The record read, when it was split in place: where it starts in `text`; the ends of its
    /// fields are then in `spans` (offsets in `text`), else in `ends` (offsets in `out`).
    inline: Option<usize>,
    spans: Vec<usize>,
    out: Vec<u8>,
    ends: Vec<usize>,
    len: usize,
    /// Whether the line scan may use AVX2.
    avx2: bool,
}

impl<'t> Records<'t> {
    pub fn new(text: &'t [u8]) -> Records<'t> {
        Records {
            text,
            at: 0,
            line: 1,
            core: None,
            inline: None,
            spans: Vec::with_capacity(64),
            out: vec![0; 4096],
            ends: vec![0; 64],
            len: 0,
            avx2: has_avx2(),
        }
    }

    /// Read the next record; its line (1-based within the text), or `None` at the end.
    #[inline]
    pub fn next_record(&mut self) -> Option<u64> {
        loop {
            let start = self.at;
            if start >= self.text.len() {
                return None;
            }
            // One pass over the line finds its end, its commas and its first `"` or `\r`.
            self.spans.clear();
            let (end, special) = scan_line(self.text, start, &mut self.spans, self.avx2);
            let body_end = if end > start && self.text[end - 1] == b'\r' { end - 1 } else { end };
            if special < body_end {
                return self.next_by_csv_core();
            }
            let newline = usize::from(end < self.text.len());
            let line = self.line;
            self.at = end + newline;
            self.line += newline as u64;
            if body_end == start {
                continue; // a blank line: no record
            }
            self.spans.push(body_end);
            self.inline = Some(start);
            self.len = self.spans.len();
            return Some(line);
        }
    }

    /// Read the record that starts at `at` with csv-core.
    fn next_by_csv_core(&mut self) -> Option<u64> {
        use csv_core::ReadRecordResult as R;
        let mut pos = csv::Position::new();
        pos.set_byte(self.at as u64).set_line(self.line);
        let core = self.core.get_or_insert_with(csv_core::Reader::new);
        core.set_line(self.line);
        let (mut outlen, mut endlen) = (0, 0);
        loop {
            let (res, nin, nout, nend) = core.read_record(
                &self.text[self.at..],
                &mut self.out[outlen..],
                &mut self.ends[endlen..],
            );
            self.at += nin;
            self.line = core.line();
            outlen += nout;
            endlen += nend;
            match res {
                // At the end of the text the next call (with no input) ends the last record.
                R::InputEmpty => {}
                R::OutputFull => self.out.resize(2 * self.out.len(), 0),
                R::OutputEndsFull => self.ends.resize(2 * self.ends.len(), 0),
                R::Record => {
                    self.len = endlen;
                    self.inline = None;
                    return Some(crate::util::table::record_line(self.text, &pos));
                }
                R::End => return None,
            }
        }
    }

    /// Newlines read so far: after the last record, the newlines of the whole text.
    pub fn newlines(&self) -> u64 {
        self.line - 1
    }

    /// Fields in the record read.
    #[inline]
    pub fn fields(&self) -> usize {
        self.len
    }

    /// Field `i` of the record read (`i < len()`).
    #[inline]
    pub fn field(&self, i: usize) -> &[u8] {
        match self.inline {
            Some(start) => {
                let from = if i == 0 { start } else { self.spans[i - 1] + 1 };
                &self.text[from..self.spans[i]]
            }
            None => {
                let from = if i == 0 { 0 } else { self.ends[i - 1] };
                &self.out[from..self.ends[i]]
            }
        }
    }

    /// Whether every field of the record read is blank (a blank line, or `,,,`).
    pub fn is_blank(&self) -> bool {
        (0..self.len).all(|i| self.field(i).iter().all(u8::is_ascii_whitespace))
    }
}

/// Scan the line that starts at `at`: push the offsets of its commas onto `commas` and return
/// where it ends (its `\n`, or the end of the text) and the offset of its first `"` or `\r`
/// (`usize::MAX` when none). One pass, 32 or 16 bytes at a time (AVX2 when the processor has it,
/// else SSE2, which every x86-64 has), where separate searches for the line's end, its quotes
/// and its commas read it three times.
#[inline]
fn scan_line(text: &[u8], at: usize, commas: &mut Vec<usize>, avx2: bool) -> (usize, usize) {
    #[cfg(target_arch = "x86_64")]
    {
        if avx2 {
            // SAFETY: the caller found AVX2 on this processor ([`has_avx2`]).
            unsafe { simd::scan_avx2(text, at, commas) }
        } else {
            // SAFETY: SSE2 is part of x86-64.
            unsafe { simd::scan_sse2(text, at, commas) }
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = avx2;
        scan_scalar(text, at, commas, usize::MAX)
    }
}

/// [`scan_line`] a byte at a time from `i` (the last bytes of a text), `special` the first `"`
/// or `\r` seen before `i`.
#[inline]
fn scan_scalar(
    text: &[u8],
    mut i: usize,
    commas: &mut Vec<usize>,
    special: usize,
) -> (usize, usize) {
    let mut special = special;
    while i < text.len() {
        match text[i] {
            b'\n' => return (i, special),
            b',' => commas.push(i),
            b'"' | b'\r' if special == usize::MAX => special = i,
            _ => {}
        }
        i += 1;
    }
    (text.len(), special)
}

/// Whether the processor has AVX2 (checked once per block).
fn has_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx2")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

#[cfg(target_arch = "x86_64")]
mod simd {
    use std::arch::x86_64::{
        __m128i, __m256i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_movemask_epi8,
        _mm256_or_si256, _mm256_set1_epi8,
    };

    /// One step of the scan at `i`: the masks of commas, newlines and specials (`"`, `\r`) of
    /// the bytes there. Returns the line's end and first special when the newline is among them.
    #[inline(always)]
    fn step(
        i: usize,
        (mut c, n, mut s): (u32, u32, u32),
        commas: &mut Vec<usize>,
        special: &mut usize,
    ) -> Option<(usize, usize)> {
        // Only the bytes before the newline belong to the line.
        let below = if n != 0 { (1u32 << n.trailing_zeros()) - 1 } else { u32::MAX };
        c &= below;
        s &= below;
        while c != 0 {
            commas.push(i + c.trailing_zeros() as usize);
            c &= c - 1;
        }
        if s != 0 && *special == usize::MAX {
            *special = i + s.trailing_zeros() as usize;
        }
        (n != 0).then(|| (i + n.trailing_zeros() as usize, *special))
    }

    /// The scan 16 bytes at a time while 16 remain, then byte by byte.
    ///
    /// # Safety
    /// SSE2 (every x86-64 has it).
    #[target_feature(enable = "sse2")]
    pub unsafe fn scan_sse2(text: &[u8], at: usize, commas: &mut Vec<usize>) -> (usize, usize) {
        let (mut i, mut special) = (at, usize::MAX);
        let (comma, nl) = (_mm_set1_epi8(b',' as i8), _mm_set1_epi8(b'\n' as i8));
        let (quote, cr) = (_mm_set1_epi8(b'"' as i8), _mm_set1_epi8(b'\r' as i8));
        while i + 16 <= text.len() {
            // SAFETY: text[i..i + 16] is in bounds (the loop's condition).
            let v = unsafe { _mm_loadu_si128(text.as_ptr().add(i).cast::<__m128i>()) };
            let c = _mm_movemask_epi8(_mm_cmpeq_epi8(v, comma)) as u32;
            let n = _mm_movemask_epi8(_mm_cmpeq_epi8(v, nl)) as u32;
            let s = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, cr)))
                as u32;
            if let Some(end) = step(i, (c, n, s), commas, &mut special) {
                return end;
            }
            i += 16;
        }
        super::scan_scalar(text, i, commas, special)
    }

    /// As [`scan_sse2`], 32 bytes at a time, then 16.
    ///
    /// # Safety
    /// The processor has AVX2.
    #[target_feature(enable = "avx2")]
    pub unsafe fn scan_avx2(text: &[u8], at: usize, commas: &mut Vec<usize>) -> (usize, usize) {
        let (mut i, mut special) = (at, usize::MAX);
        let (comma, nl) = (_mm256_set1_epi8(b',' as i8), _mm256_set1_epi8(b'\n' as i8));
        let (quote, cr) = (_mm256_set1_epi8(b'"' as i8), _mm256_set1_epi8(b'\r' as i8));
        while i + 32 <= text.len() {
            // SAFETY: text[i..i + 32] is in bounds (the loop's condition).
            let v = unsafe { _mm256_loadu_si256(text.as_ptr().add(i).cast::<__m256i>()) };
            let c = _mm256_movemask_epi8(_mm256_cmpeq_epi8(v, comma)) as u32;
            let n = _mm256_movemask_epi8(_mm256_cmpeq_epi8(v, nl)) as u32;
            let s = _mm256_movemask_epi8(_mm256_or_si256(
                _mm256_cmpeq_epi8(v, quote),
                _mm256_cmpeq_epi8(v, cr),
            )) as u32;
            if let Some(end) = step(i, (c, n, s), commas, &mut special) {
                return end;
            }
            i += 32;
        }
        if special != usize::MAX {
            return super::scan_scalar(text, i, commas, special);
        }
        // SAFETY: SSE2 is part of x86-64.
        unsafe { scan_sse2(text, i, commas) }
    }
}

/// Run `work` on every block of `blocks` (`first`, then the rest) on `threads` worker threads,
/// and `fold` on the results on the calling thread, in block order. Reading stops at the first
/// read error, which is returned after the blocks before it are folded.
pub fn pipeline<R, T>(
    blocks: &mut Blocks<R>,
    first: Vec<u8>,
    threads: usize,
    work: &(dyn Fn(&[u8]) -> T + Sync),
    fold: &mut dyn FnMut(T),
) -> std::io::Result<()>
where
    R: Read + Send,
    T: Send,
{
    let threads = threads.max(1);
    let (raw_tx, raw_rx) = sync_channel::<(usize, Vec<u8>)>(threads);
    let raw_rx = Mutex::new(raw_rx);
    let (res_tx, res_rx) = sync_channel::<(usize, T)>(2 * threads);
    let (free_tx, free_rx) = channel::<Vec<u8>>();
    // Messages the workers make (rejection reasons) are in the caller's language.
    let lang = crate::util::i18n::lang();
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || -> std::io::Result<()> {
            let mut next = Some(first);
            for seq in 0.. {
                while let Ok(b) = free_rx.try_recv() {
                    blocks.recycle(b);
                }
                let block = match next.take() {
                    Some(b) => b,
                    None => match blocks.next_block()? {
                        Some(b) => b,
                        None => break,
                    },
                };
                if raw_tx.send((seq, block)).is_err() {
                    break;
                }
            }
            Ok(())
        });
        for _ in 0..threads {
            let (res_tx, free_tx, raw_rx) = (res_tx.clone(), free_tx.clone(), &raw_rx);
            scope.spawn(move || {
                crate::util::i18n::set_thread_lang(Some(lang));
                loop {
                    // The lock is held only while waiting for the next block.
                    let got = raw_rx.lock().map(|r| r.recv());
                    let Ok(Ok((seq, raw))) = got else { break };
                    let result = work(&raw);
                    let _ = free_tx.send(raw);
                    if res_tx.send((seq, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop((res_tx, free_tx));
        let mut waiting = std::collections::BTreeMap::new();
        let mut next = 0;
        for (seq, result) in res_rx {
            waiting.insert(seq, result);
            while let Some(result) = waiting.remove(&next) {
                fold(result);
                next += 1;
            }
        }
        reader
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other(crate::t!("survey-reader-failed"))))
    })
}

#[cfg(test)]
mod tests {
    use super::{Blocks, Records, pipeline, record_cut};

    #[test]
    fn records_are_the_csv_crates_records() {
        // Quotes, doubled quotes, a quoted newline, CRLF, blank lines (skipped: the line numbers
        // count them), a blank record (,,), a long field (the output buffer grows) and many
        // fields (so do the field ends), and no newline at the end.
        let long = "x".repeat(10_000);
        let many = vec!["f"; 100].join(",");
        let text = format!(
            "a,b,c\r\n\n\n\"q,1\",\"say \"\"hi\"\"\",3\n\"two\nlines\",y,z\n,,\n{long},1\n{many}\nlast,1"
        );
        for text in ["\n\nonly\n\n", "x\r", "\"open\nnever closed", ""] {
            check_against_csv_crate(text);
        }
        let ours = check_against_csv_crate(&text);
        // Lines worked out by hand: the header 1, the quoted record 4 (after two blank lines),
        // the two-line record 5, `,,` 7, the long field 8, the many fields 9, the last 10.
        let lines: Vec<u64> = ours.iter().map(|r| r.0).collect();
        assert_eq!(lines, [1, 4, 5, 7, 8, 9, 10]);
        assert_eq!(ours[1].1, [b"q,1".to_vec(), b"say \"hi\"".to_vec(), b"3".to_vec()]);
        assert!(ours[3].2 && !ours[2].2);
        assert_eq!(ours[5].1.len(), 100);
        // Lines split in place and lines csv-core reads, mixed: a lone \r ends a record but no
        // line, \r\n and \r\r\n lines are blank, a quote inside an unquoted field is kept,
        // spaces are a field. By hand: h,1 (line 1); a and b,2 (4, after the blank lines 2 and
        // 3); x (5); the spaces (6); c and the quoted d\ne (7); f, g"h, i (9); `,` (10); end (11).
        let mixed = check_against_csv_crate(
            "h,1\r\n\r\n\r\r\na\rb,2\n\"x\"\r\n  \nc,\"d\ne\"\r\nf,g\"h,i\n,\r\nend",
        );
        let lines: Vec<u64> = mixed.iter().map(|r| r.0).collect();
        assert_eq!(lines, [1, 4, 4, 5, 6, 7, 9, 10, 11]);
        assert_eq!(mixed[5].1, [b"c".to_vec(), b"d\ne".to_vec()]);
        assert_eq!(mixed[6].1, [b"f".to_vec(), b"g\"h".to_vec(), b"i".to_vec()]);
    }

    /// Read `text` with [`Records`] and with the csv crate: the same records, lines, blankness
    /// and newlines. Returns ours.
    #[allow(clippy::type_complexity)]
    fn check_against_csv_crate(text: &str) -> Vec<(u64, Vec<Vec<u8>>, bool)> {
        let mut theirs = Vec::new();
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut rec = csv::ByteRecord::new();
        while rdr.read_byte_record(&mut rec).unwrap() {
            let line = crate::util::table::record_line(text.as_bytes(), rec.position().unwrap());
            let blank = rec.iter().all(|f| f.iter().all(u8::is_ascii_whitespace));
            theirs.push((line, rec.iter().map(<[u8]>::to_vec).collect::<Vec<_>>(), blank));
        }
        let mut ours = Vec::new();
        // With AVX2 (where the processor has it) and without.
        for avx2 in [super::has_avx2(), false] {
            ours.clear();
            let mut r = Records::new(text.as_bytes());
            r.avx2 = avx2;
            while let Some(line) = r.next_record() {
                let fields = (0..r.fields()).map(|i| r.field(i).to_vec()).collect();
                ours.push((line, fields, r.is_blank()));
            }
            assert_eq!(ours, theirs, "{text:?}, avx2 {avx2}");
            assert_eq!(r.newlines(), text.matches('\n').count() as u64, "{text:?}");
        }
        ours
    }

    #[test]
    fn lines_of_every_length_split_as_the_csv_crate_does() {
        // The scan reads 32, then 16 bytes at a time, then by byte: lines of 1 to 70 bytes (every
        // mix of the three), after a first line or not, with a comma, a quote, a \r, a \r\n or
        // a doubled quote at every position.
        for first in [0, 5] {
            for n in 1..70 {
                for p in 0..n {
                    for special in [",", "\"", "\r", "\r\n", "\"\""] {
                        let mut line = "y".repeat(n);
                        line.replace_range(p..p + 1, special);
                        let text = format!("{}\n{line}\nz,1\n", "x".repeat(first));
                        check_against_csv_crate(&text);
                    }
                }
            }
        }
    }

    #[test]
    fn cuts_only_outside_quotes() {
        assert_eq!(record_cut(b"a,b\nc,d\ne"), Some(7));
        // The last newline is inside a quoted value: cut at the one before.
        assert_eq!(record_cut(b"a,b\nc,\"x\ny"), Some(3));
        // An escaped quote ("") keeps the parity.
        assert_eq!(record_cut(b"a,\"x\"\"y\"\nz"), Some(8));
        assert_eq!(record_cut(b"no newline"), None);
    }

    #[test]
    fn the_pipeline_folds_every_block_in_order() {
        // 300,000 numbered lines of varying length: several blocks, cut at line ends.
        let text: String = (0..300_000).map(|i| format!("{i},{}\n", "x".repeat(i % 37))).collect();
        for threads in [1, 2, 5] {
            let mut blocks = Blocks::new(std::io::Cursor::new(text.as_bytes().to_vec()), None);
            let first = blocks.next_block().unwrap().unwrap();
            let mut seen = Vec::new();
            let work = |b: &[u8]| b.to_vec();
            pipeline(&mut blocks, first, threads, &work, &mut |b| seen.extend(b)).unwrap();
            assert_eq!(seen, text.as_bytes(), "threads {threads}");
        }
    }
}
