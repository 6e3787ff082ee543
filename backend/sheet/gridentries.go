package sheet

// A calendar cell's text as entries: one entry per line, except that a
// line naming a channel ("Product teaser⏎LinkedIn") gives the entry above
// it its channel instead of being an entry of its own.

import "strings"

// networks are channels people name in calendar cells without having them
// in the workspace yet.
var networks = []string{"LinkedIn", "Facebook", "Instagram", "X", "Twitter", "TikTok", "YouTube", "Pinterest", "Threads",
	"Snapchat", "Reddit", "WhatsApp", "Telegram", "Email", "Newsletter", "Blog", "Website", "Podcast", "Medium", "Bluesky", "Mastodon"}

// channelField is the kind's channel field ("" when it has none).
func channelField(k *Kind) string {
	for _, key := range []string{"channel", "channels"} {
		if k.Field(key) != nil {
			return key
		}
	}
	return ""
}

// channelName returns the channel a line names (as the workspace or the
// network writes it), or "".
func (im *Importer) channelName(line string) string {
	n := normHeader(strings.TrimLeft(strings.TrimSpace(line), "#@-–•*("))
	n = strings.TrimSuffix(n, ")")
	if n == "" {
		return ""
	}
	for _, c := range im.opts.Channels {
		if normHeader(c) == n {
			return c
		}
	}
	for _, c := range networks {
		if normHeader(c) == n {
			return c
		}
	}
	return ""
}

// gridEntries passes on the entries of one cell: each line that is not a
// channel is an entry, on each channel the cell names (or none).
func (im *Importer) gridEntries(row, col int, date, text string, fn func(row int, cells []vcell, skip string) error) error {
	var titles, channels []string
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		if c := im.channelName(line); c != "" && channelField(im.kind) != "" {
			channels = append(channels, c)
		} else {
			titles = append(titles, line)
		}
	}
	if len(titles) == 0 && len(channels) > 0 {
		titles, channels = channels[:1], channels[1:] // "LinkedIn" alone is an entry
	}
	if len(channels) == 0 {
		channels = []string{""}
	}
	for _, t := range titles {
		for _, c := range channels {
			cells := []vcell{{date, row, col}, {t, row, col}}
			if channelField(im.kind) != "" {
				cells = append(cells, vcell{c, row, col})
			}
			if err := fn(row, cells, ""); err != nil {
				return err
			}
		}
	}
	return nil
}
