use convene::generate::workshop;
use convene::store::to_text;
use std::time::Instant;
fn main() {
    let s = workshop("big1", 10_000, 3);
    let text = to_text(&s).unwrap();
    let time = |name: &str, f: &dyn Fn()| {
        let t = Instant::now();
        for _ in 0..10 {
            f();
        }
        println!("{name}: {:?}", t.elapsed() / 10);
    };
    time("session", &|| {
        let _: convene::model::Session = ron::from_str(&text).unwrap();
    });
    time("value", &|| {
        let _: ron::Value = ron::from_str(&text).unwrap();
    });
    time("ignored", &|| {
        let _: serde::de::IgnoredAny = ron::from_str(&text).unwrap();
    });
    let plain =
        ron::ser::to_string_pretty(&s, ron::ser::PrettyConfig::new().indentor("  ")).unwrap();
    println!("len ext {} plain {}", text.len(), plain.len());
    time("session no ext", &|| {
        let _: convene::model::Session = ron::from_str(&plain).unwrap();
    });
    let compact = ron::to_string(&s).unwrap();
    println!("compact {}", compact.len());
    time("session compact", &|| {
        let _: convene::model::Session = ron::from_str(&compact).unwrap();
    });
    time("to_text", &|| {
        let _ = to_text(&s).unwrap();
    });
    time("from_text", &|| {
        let _ = convene::store::from_text(&text).unwrap();
    });
    assert_eq!(convene::store::from_text(&text).unwrap().0, s);
    println!("same session");
}
