//! Entry point: install the panic hook and mount the app. Everything else is in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    followup::perf::mark("followup:start");
    followup::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Followup is a web app: run `cargo xtask serve` and open http://127.0.0.1:8080/");
}
