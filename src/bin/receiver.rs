//! The reference receiver: `receiver --addr HOST:PORT --db PATH [...]` (see `--help` and
//! docs/receiver.md). The server itself is the library's `receiver` module.

use std::io::Write;
use std::sync::Arc;

use clap::Parser;
use resident_complaints::receiver::{app, housekeeping, serve, Config, Receiver};

fn main() {
    let config = Config::parse();
    let receiver = Receiver::open(config.clone()).unwrap_or_else(|message| {
        eprintln!("receiver: {message}");
        std::process::exit(1);
    });
    let runtime = tokio::runtime::Runtime::new().unwrap_or_else(|e| {
        eprintln!("receiver: cannot start: {e}");
        std::process::exit(1);
    });
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(&config.addr)
            .await
            .unwrap_or_else(|e| {
                eprintln!("receiver: cannot listen on {}: {e}", config.addr);
                std::process::exit(1);
            });
        let local = listener.local_addr().expect("a bound socket has an address");
        println!("listening on http://{local}");
        std::io::stdout().flush().ok();
        let receiver = Arc::new(receiver);
        tokio::spawn(housekeeping(receiver.clone()));
        serve(listener, app(receiver), &config).await;
    });
}
