//! Entry point of the web app: renders [`marginalia_web::App`].

fn main() {
    marginalia_web::start();
}
