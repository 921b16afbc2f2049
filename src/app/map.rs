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
