/** A `.facts` list in a card a third of the page wide: the labels take only the room they need. */
export const narrowFacts = { gridTemplateColumns: 'auto minmax(0, 1fr)' } as const;
