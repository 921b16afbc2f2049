//! The terminal's keys, read on a thread of their own, and the terminal seen gone without a signal.
//!
//! crossterm's reader loops for ever on a terminal whose window has gone (each read gives
//! nothing). On a thread of its own that never holds up the loop, which asks
//! [`Input::quiet_if_gone`] each turn and leaves through the save. The thread ends with
//! the process, or at the next key once nobody listens.

use crossterm::event::{self, Event};
use std::collections::VecDeque;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long the reader waits for a key before it looks whether it should step aside.
const READ_WAIT: Duration = Duration::from_millis(100);
/// How long to wait for the end of a burst of keys, before taking an Enter for a press.
/// The reader says at once; this bound only matters if it never can (a terminal gone).
const BURST_END: Duration = Duration::from_millis(100);
/// On the way out: how long with nothing new before the keys are taken as all in, and how
/// long at most to wait for keys the terminal holds but the reader has not taken yet.
const SETTLE: Duration = Duration::from_millis(50);
const SETTLE_AT_MOST: Duration = Duration::from_secs(1);

/// What the reader thread sends.
enum Arrival {
    Event(Event),
    /// Nothing more is waiting: a burst (a paste without bracketed paste) has ended.
    Settled,
    Failed(io::Error),
}

/// The terminal's events, as the loop takes them.
pub struct Input {
    arrivals: Receiver<Arrival>,
    /// Events taken from the reader but not yet handled.
    queue: VecDeque<Event>,
    /// The last word from the reader was [`Arrival::Settled`].
    settled: bool,
    failure: Option<io::Error>,
    /// Set while the loop needs crossterm's reader itself (Ctrl-z asks where the cursor is).
    step_aside: Arc<AtomicBool>,
    /// Held by the reader while it reads; the loop takes it to have crossterm to itself.
    reading: Arc<Mutex<()>>,
    terminal: Terminal,
}

impl Input {
    /// Starts the reader on the terminal the app runs in.
    pub fn start() -> Self {
        let (send, arrivals) = mpsc::channel();
        let step_aside = Arc::new(AtomicBool::new(false));
        let reading = Arc::new(Mutex::new(()));
        let (aside, lock) = (Arc::clone(&step_aside), Arc::clone(&reading));
        std::thread::spawn(move || {
            loop {
                if aside.load(Ordering::Acquire) {
                    std::thread::sleep(READ_WAIT / 4);
                    continue;
                }
                let _reading = lock.lock().unwrap_or_else(PoisonError::into_inner);
                let carry_on = match event::poll(READ_WAIT) {
                    Ok(true) => read_burst(|arrival| send.send(arrival).is_ok()),
                    Ok(false) => true,
                    Err(e) => {
                        let _ = send.send(Arrival::Failed(e));
                        false
                    }
                };
                if !carry_on {
                    return;
                }
            }
        });
        Self {
            arrivals,
            queue: VecDeque::new(),
            settled: true,
            failure: None,
            step_aside,
            reading,
            terminal: Terminal::watch(),
        }
    }

    /// The next event, waiting up to `wait` for one.
    pub fn next(&mut self, wait: Duration) -> io::Result<Option<Event>> {
        if let Some(event) = self.queue.pop_front() {
            return Ok(Some(event));
        }
        if let Some(e) = self.failure.take() {
            return Err(e);
        }
        let until = Instant::now() + wait;
        loop {
            let left = until.saturating_duration_since(Instant::now());
            match self.arrivals.recv_timeout(left) {
                Ok(Arrival::Event(event)) => {
                    self.settled = false;
                    return Ok(Some(event));
                }
                Ok(Arrival::Settled) => self.settled = true,
                Ok(Arrival::Failed(e)) => return Err(e),
                Err(RecvTimeoutError::Timeout) => return Ok(None),
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(io::Error::other("the terminal's keys stopped arriving"));
                }
            }
        }
    }

    /// The event that came in the same burst, right behind the last one taken, if any:
    /// behind an Enter it tells a paste from a press.
    pub fn behind(&mut self) -> Option<&Event> {
        let until = Instant::now() + BURST_END;
        while self.queue.is_empty() && !self.settled && self.failure.is_none() {
            let left = until.saturating_duration_since(Instant::now());
            match self.arrivals.recv_timeout(left) {
                Ok(Arrival::Event(event)) => self.queue.push_back(event),
                Ok(Arrival::Settled) => self.settled = true,
                Ok(Arrival::Failed(e)) => self.failure = Some(e),
                Err(_) => break,
            }
        }
        self.queue.front()
    }

    /// On the way out: every event the terminal has sent and not yet handled, the keys it
    /// still holds included (the user's last words).
    pub fn rest(&mut self) -> Vec<Event> {
        let mut rest: Vec<Event> = self.queue.drain(..).collect();
        let until = Instant::now() + SETTLE_AT_MOST;
        loop {
            match self.arrivals.recv_timeout(SETTLE) {
                Ok(Arrival::Event(event)) => rest.push(event),
                Ok(Arrival::Settled) => {}
                Err(RecvTimeoutError::Timeout)
                    if self.terminal.holds_keys() && Instant::now() < until => {}
                Ok(Arrival::Failed(_)) | Err(_) => break,
            }
        }
        rest
    }

    /// Whether the terminal has gone (its window closed, its connection dropped), whether
    /// or not a signal said so. Once it has, what is still said on the way out (the
    /// terminal given back, a last message) goes nowhere: said to a terminal that is not
    /// there, it would fail, and a failed message aborts the process.
    pub fn quiet_if_gone(&self) -> bool {
        let gone = self.terminal.gone();
        if gone {
            self.terminal.quiet();
        }
        gone
    }

    /// Whether the terminal turns out to have gone within `wait`: a window closing fails
    /// writes a moment before the terminal says it has hung up.
    pub fn quiet_if_gone_within(&self, wait: Duration) -> bool {
        let until = Instant::now() + wait;
        while !self.quiet_if_gone() {
            if Instant::now() >= until {
                return false;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        true
    }

    /// Runs `f` with crossterm's reader to itself: the reader thread steps aside first.
    pub fn aside<T>(&self, f: impl FnOnce() -> T) -> T {
        self.step_aside.store(true, Ordering::Release);
        let reading = self.reading.lock().unwrap_or_else(PoisonError::into_inner);
        let out = f();
        self.step_aside.store(false, Ordering::Release);
        drop(reading);
        out
    }
}

/// Reads every event already waiting, sending each as it comes and then
/// [`Arrival::Settled`]. False once the loop has stopped listening or reading failed.
fn read_burst(send: impl Fn(Arrival) -> bool) -> bool {
    loop {
        let sent = match event::read() {
            Ok(event) => send(Arrival::Event(event)),
            Err(e) => {
                send(Arrival::Failed(e));
                return false;
            }
        };
        if !sent {
            return false;
        }
        match event::poll(Duration::ZERO) {
            Ok(true) => {}
            Ok(false) => return send(Arrival::Settled),
            Err(e) => {
                send(Arrival::Failed(e));
                return false;
            }
        }
    }
}

/// The terminal the keys come from, as crossterm finds it: standard input if it is one,
/// else `/dev/tty`. Held open from the start, so it can still be asked after it has gone.
struct Terminal {
    #[cfg(unix)]
    fd: Option<std::os::fd::OwnedFd>,
    /// Whether standard output and standard error went to a terminal at the start.
    #[cfg(unix)]
    streams_to_terminal: [bool; 2],
}

impl Terminal {
    #[cfg(unix)]
    fn watch() -> Self {
        use std::os::fd::AsFd;
        let stdin = io::stdin();
        let fd = if rustix::termios::isatty(stdin.as_fd()) {
            stdin.as_fd().try_clone_to_owned().ok()
        } else {
            std::fs::File::open("/dev/tty").ok().map(Into::into)
        };
        let streams_to_terminal = [
            rustix::termios::isatty(io::stdout()),
            rustix::termios::isatty(io::stderr()),
        ];
        Self {
            fd,
            streams_to_terminal,
        }
    }

    #[cfg(not(unix))]
    fn watch() -> Self {
        Self {}
    }

    /// A terminal that no longer answers what its settings are has hung up (Linux says
    /// so for every hung-up terminal, with or without the SIGHUP).
    #[cfg(unix)]
    fn gone(&self) -> bool {
        self.fd
            .as_ref()
            .is_some_and(|fd| rustix::termios::tcgetattr(fd).is_err())
    }

    #[cfg(not(unix))]
    fn gone(&self) -> bool {
        false
    }

    /// Points standard output and standard error, where they went to a terminal now gone,
    /// at `/dev/null`.
    #[cfg(unix)]
    fn quiet(&self) {
        let Ok(nowhere) = std::fs::OpenOptions::new().write(true).open("/dev/null") else {
            return;
        };
        let [stdout, stderr] = self.streams_to_terminal;
        if stdout && rustix::termios::tcgetattr(io::stdout()).is_err() {
            let _ = rustix::stdio::dup2_stdout(&nowhere);
        }
        if stderr && rustix::termios::tcgetattr(io::stderr()).is_err() {
            let _ = rustix::stdio::dup2_stderr(&nowhere);
        }
    }

    #[cfg(not(unix))]
    fn quiet(&self) {}

    /// Whether keys have arrived that the reader has not taken yet.
    #[cfg(unix)]
    fn holds_keys(&self) -> bool {
        self.fd
            .as_ref()
            .is_some_and(|fd| rustix::io::ioctl_fionread(fd).is_ok_and(|n| n > 0))
    }

    #[cfg(not(unix))]
    fn holds_keys(&self) -> bool {
        false
    }
}
