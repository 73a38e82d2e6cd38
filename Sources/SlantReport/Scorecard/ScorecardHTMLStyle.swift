import SlantRules

/// The colours and the stylesheet of the HTML scorecard, inlined into every file so it
/// works offline, from an e-mail attachment or on paper.
enum ScorecardHTMLStyle {
    /// A family's colours: `highlight` is the background of author-voice findings and
    /// `quoted` the dashed underline of findings inside quoted speech.
    struct Colors {
        var highlight: String
        var quoted: String
        /// The legend's swatch: one unit off `highlight` in the blue channel (invisible),
        /// so that pixels of exactly `highlight` in a screenshot come from the article
        /// text only. `scripts/check-scorecard-png.py` relies on it.
        var swatch: String
    }

    static func colors(_ f: Family) -> Colors {
        switch f {
        case .loadedLanguage: return Colors(highlight: "#ffb0b0", quoted: "#d32f2f", swatch: "#ffb0b1")
        case .unsourcedClaim: return Colors(highlight: "#ffe38a", quoted: "#b58900", swatch: "#ffe38b")
        case .scareQuote: return Colors(highlight: "#e3b5ff", quoted: "#8e24aa", swatch: "#e3b5fe")
        case .attribution: return Colors(highlight: "#a9e4ef", quoted: "#00838f", swatch: "#a9e4ee")
        case .opinion: return Colors(highlight: "#bccbff", quoted: "#3949ab", swatch: "#bccbfe")
        case .hedging: return Colors(highlight: "#c8eec0", quoted: "#388e3c", swatch: "#c8eec1")
        }
    }

    /// Bar colours for the five bands (neutral … strongly editorializing).
    static let bandColors = ["#8fb996", "#b9c46e", "#e6b04a", "#e07a3f", "#b83227"]

    /// When one run of text is covered by several families, the background of the most
    /// specific one wins (a loaded word inside an unsourced claim shows as loaded), and
    /// every family stays in the tooltip. Later rules override earlier ones, so the
    /// families are emitted from the broadest (whole claim sentences) to the narrowest.
    static let precedence: [Family] = [.unsourcedClaim, .hedging, .attribution, .opinion, .loadedLanguage, .scareQuote]

    static var css: String {
        var familyRules = ""
        for f in precedence {
            let c = colors(f)
            familyRules += ".a-\(f.rawValue){background:\(c.highlight)}\n"
        }
        for f in precedence {
            let c = colors(f)
            familyRules += ".q-\(f.rawValue){border-bottom:2px dashed \(c.quoted)}\n"
            familyRules += ".sw-\(f.rawValue){background:\(c.swatch)}\n"
            familyRules += ".sq-\(f.rawValue){border-bottom:2px dashed \(c.quoted)}\n"
        }
        var bandRules = ""
        for (i, color) in bandColors.enumerated() {
            bandRules += ".b\(i) .bar>i,.scale .s\(i){background:\(color)}\n.b\(i) .bandname{color:\(color)}\n"
        }
        return base + familyRules + bandRules + layout
    }

    static let base = """
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
    body{margin:0;background:#fff;color:#1c1c1e;font:17px/1.6 Georgia,"Times New Roman",serif}
    .ui,.meta,.kicker,.figs,.fam,.notes,.gauge,footer,.flaglist,.legend-note{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
    .wrap{max-width:1200px;margin:0 auto;padding:18px 24px 40px}
    .kicker{font-size:12px;font-weight:600;letter-spacing:.08em;text-transform:uppercase;color:#6b6b70;margin:0}
    h1{font-size:26px;line-height:1.25;margin:4px 0 2px}
    .meta{font-size:13px;color:#5a5a60;margin:0 0 12px;overflow-wrap:anywhere}
    .summary{display:grid;grid-template-columns:220px minmax(0,1fr) minmax(0,360px);gap:14px 26px;align-items:start;padding:12px 0 14px;border-top:2px solid #1c1c1e;border-bottom:1px solid #d8d8dc}
    .score .num{font:700 46px/1 system-ui,sans-serif}
    .score .num small{font-size:17px;font-weight:500;color:#6b6b70}
    .score .bandname{display:block;font:700 16px/1.3 system-ui,sans-serif;margin-top:4px}
    .scale{position:relative;display:flex;height:10px;margin:10px 0 4px;border-radius:2px;overflow:visible}
    .scale span{height:100%}
    .scale .mark{position:absolute;top:-5px;width:3px;height:20px;background:#1c1c1e;margin-left:-1px}
    .scale-labels{display:flex;justify-content:space-between;font:11px system-ui,sans-serif;color:#6b6b70}
    .figs{display:grid;grid-template-columns:max-content 1fr;gap:3px 12px;margin:0;font-size:14px;line-height:1.4}
    .figs dt{color:#5a5a60}
    .figs dd{margin:0}
    .fam{border-collapse:collapse;font-size:13px;width:100%}
    .fam th{font-weight:600;color:#5a5a60;text-align:right;padding:2px 6px;border-bottom:1px solid #d8d8dc}
    .fam th:first-child,.fam td:first-child{text-align:left}
    .fam td{text-align:right;padding:2px 6px;font-variant-numeric:tabular-nums}
    .sw{padding:0 4px;border-radius:2px;white-space:nowrap}
    .legend-note{font-size:12px;color:#5a5a60;margin:6px 0 0}
    .flaglist{font-size:13px;margin:10px 0 4px;color:#3a3a3f}
    .flaglist a{color:inherit;text-decoration:none;border-bottom:1px solid #b8b8bd;margin-right:10px;white-space:nowrap}
    .hl{border-radius:2px;padding:1px 0;-webkit-box-decoration-break:clone;box-decoration-break:clone}
    .hl:hover{outline:2px solid #1c1c1e}
    .a-none{background:transparent}

    """

    static let layout = """
    .article{margin-top:8px}
    .para{display:grid;grid-template-columns:92px minmax(0,1fr) minmax(0,280px);gap:0 22px;padding:7px 0;border-bottom:1px solid #eeeef0}
    .para.flagged{background:linear-gradient(90deg,#fdf1ef,#fff 60%)}
    .gauge{font-size:12px;color:#5a5a60;padding-top:5px}
    .gauge .bar{display:block;height:8px;background:#ececef;border-radius:2px;overflow:hidden}
    .gauge .bar>i{display:block;height:100%}
    .gauge .gnum{display:block;margin-top:2px;font-variant-numeric:tabular-nums}
    .gauge .flag{font-weight:700;color:#b83227}
    .ptext{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
    .k-heading .ptext{font-weight:700;font-size:1.12em;line-height:1.35}
    .k-boilerplate .ptext{color:#85858a;font-size:.88em}
    .k-quote-block .ptext{border-left:3px solid #c8c8cc;padding-left:12px;font-style:italic}
    .notes{font-size:13px;line-height:1.45}
    .note{border-left:3px solid #9a9aa0;background:#f6f6f8;padding:3px 8px;margin:0 0 4px;border-radius:0 3px 3px 0}
    .note.brief{padding:1px 8px;margin-bottom:2px}
    .note.v-agree{border-left-color:#2e7d32}
    .note.v-disagree{border-left-color:#c62828}
    .note.v-unsure{border-left-color:#f9a825}
    .nhead b{font-weight:650}
    .verdict{display:inline-block;font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;padding:0 4px;border-radius:2px;background:#e3e3e8}
    .v-agree .verdict{background:#d7eed8;color:#1b5e20}
    .v-disagree .verdict{background:#f8d7d7;color:#8e1c1c}
    .v-unsure .verdict{background:#fbeec4;color:#6d4c00}
    .ntarget{color:#5a5a60}
    .ntext{white-space:pre-wrap;overflow-wrap:anywhere;margin-top:2px}
    details.flist{font-size:12px;color:#5a5a60;margin-top:2px}
    details.flist summary{cursor:pointer}
    details.flist ol,.print-findings{margin:4px 0 0;padding-left:18px}
    .print-findings{display:none;font:12px/1.4 system-ui,sans-serif;color:#3a3a3f;grid-column:2}
    .orphans{margin-top:18px}
    .orphans h2{font:600 16px system-ui,sans-serif}
    footer{margin-top:26px;font-size:12px;color:#5a5a60;border-top:1px solid #d8d8dc;padding-top:8px;overflow-wrap:anywhere}
    footer code{font-size:11px}
    @media (max-width:900px){
      .summary{grid-template-columns:1fr 1fr}
      .summary .score{grid-column:1 / -1}
      .para{grid-template-columns:70px minmax(0,1fr)}
      .para .notes{grid-column:2}
    }
    @media (max-width:600px){
      body{font-size:16px}
      .wrap{padding:12px 14px 30px}
      h1{font-size:22px}
      .summary{grid-template-columns:1fr}
      .para{grid-template-columns:1fr;padding:8px 0}
      .para .notes{grid-column:1}
      .gauge{display:flex;align-items:center;gap:8px;padding:0 0 4px}
      .gauge .bar{flex:1;max-width:160px}
      .gauge .gnum{margin:0}
    }
    @media print{
      *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
      @page{margin:14mm}
      body{font-size:10.5pt;line-height:1.45}
      .wrap{max-width:none;padding:0}
      .summary{grid-template-columns:42mm minmax(0,1fr) 64mm;gap:3mm 5mm;break-inside:avoid}
      .summary .score{grid-column:auto}
      .score .num{font-size:30pt}
      .para{grid-template-columns:16mm minmax(0,1fr) 52mm;break-inside:avoid;gap:0 4mm}
      .para .notes{grid-column:3;grid-row:1 / span 2}
      .gauge{display:block;padding-top:3px;grid-row:1 / span 2}
      .print-findings{grid-column:2;grid-row:2}
      h1{font-size:18pt}
      .fam{font-size:8.5pt}
      .fam th:nth-child(3),.fam td:nth-child(3){display:none}
      .para.flagged{background:none}
      .hl:hover{outline:none}
      details.flist{display:none}
      .print-findings{display:block}
      .flaglist a{border:none}
    }

    """
}
