//! The map view's state: which cell of the system map is chosen, and whether its strengths
//! are listed.

/// Where the cursor is on the system map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MapCursor {
    pub sector: usize,
    pub level: usize,
    /// Whether the chosen cell's strengths are listed.
    pub listing: bool,
}

/// What a key on the map asks of the session screen around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapOutcome {
    /// The map stays (the cursor may have moved).
    Stay,
    /// Back to the session.
    Leave,
    /// Show every key.
    Help,
}

impl MapCursor {
    /// Handles a key through the map's table ([`keys::map_keys`]: the network's for a
    /// conference, which has no cell to choose); `rows` is how many sectors the map has.
    pub fn on_key(
        &mut self,
        key: crossterm::event::KeyEvent,
        rows: usize,
        conference: bool,
    ) -> MapOutcome {
        use super::keys::{self, Action};
        match keys::resolve(keys::map_keys(conference), key) {
            Some(Action::Back) if self.listing => self.listing = false,
            Some(Action::Back) => return MapOutcome::Leave,
            Some(Action::Up) => self.sector = self.sector.saturating_sub(1),
            Some(Action::Down) => self.sector = (self.sector + 1).min(rows.saturating_sub(1)),
            Some(Action::Left) => self.level = self.level.saturating_sub(1),
            Some(Action::Right) => self.level = (self.level + 1).min(3),
            Some(Action::Open) => self.listing = !self.listing,
            Some(Action::Help) => return MapOutcome::Help,
            _ => {}
        }
        MapOutcome::Stay
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn every_key_in_the_maps_table_does_something_and_no_other_key_does() {
        use super::super::keys::MAP;
        for binding in MAP {
            let mut cursor = MapCursor {
                sector: 1,
                level: 1,
                listing: false,
            };
            let before = cursor;
            let outcome = cursor.on_key(press(binding.code), 5, false);
            assert!(
                outcome != MapOutcome::Stay || cursor != before,
                "{} does nothing",
                binding.keys
            );
        }
        for code in [
            KeyCode::Char('x'),
            KeyCode::Tab,
            KeyCode::Char('a'),
            KeyCode::F(2),
        ] {
            let mut cursor = MapCursor::default();
            assert_eq!(cursor.on_key(press(code), 5, false), MapOutcome::Stay);
            assert_eq!(cursor, MapCursor::default(), "{code:?}");
        }
    }
}
