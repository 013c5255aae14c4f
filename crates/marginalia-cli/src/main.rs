//! `marginalia`: the command-line face of the engine (placeholder until the CLI lands).

fn main() {
    let text = "";
    print!(
        "{}",
        marginalia_core::export::to_json(text, &marginalia_core::analyze(text))
    );
}
