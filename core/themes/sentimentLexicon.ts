import type { Locale } from '../types';

/**
 * How youth-care feedback talks, on top of NLP.js's general dictionaries (pattern for nl,
 * senticon for en). Those score "lang" (long) and "wait" as neutral or even positive and "bad"
 * as +0.25; here a long wait is bad news. Single words match on their stem, two-word entries
 * on the words as written (after lower-casing).
 */
export const DOMAIN_LEXICON: Record<Locale, Record<string, number>> = {
  nl: {
    goed: 0.6, goede: 0.6, fijn: 0.7, fijne: 0.7, prettig: 0.7, prettige: 0.7, leuk: 0.6, leuke: 0.6, top: 0.8,
    super: 0.7, geweldig: 0.9, geweldige: 0.9, fantastisch: 0.9, prima: 0.5, tevreden: 0.7, blij: 0.7,
    dankbaar: 0.8, bedankt: 0.6, dank: 0.6, dankjewel: 0.7, dankuwel: 0.7, merci: 0.6, lief: 0.6, lieve: 0.6,
    vriendelijk: 0.6, vriendelijke: 0.6, behulpzaam: 0.6, duidelijk: 0.5, duidelijke: 0.5, helder: 0.5,
    geholpen: 0.6, helpt: 0.5, hielp: 0.5, beter: 0.5, veilig: 0.6, veilige: 0.6, rustig: 0.4, rust: 0.4,
    gehoord: 0.5, serieus: 0.3, soepel: 0.5, soepeltjes: 0.5, goeie: 0.6, gelijkwaardig: 0.5, gelijken: 0.4, betrokken: 0.6, fijner: 0.6, snel: 0.4, snelle: 0.4, gelukkig: 0.6, oke: 0.2,
    ok: 0.2, gezellig: 0.7, gezellige: 0.7, warm: 0.5, warme: 0.5, steun: 0.5, begrip: 0.5, vertrouwen: 0.4,
    aanrader: 0.8, eindelijk: 0.3, 'te gek': 0.9, knap: 0.5, sterk: 0.4, topper: 0.9,
    toppers: 0.9, schat: 0.6, goud: 0.7, waardeer: 0.7, waardering: 0.6, opgelucht: 0.7, vooruitgang: 0.6,
    verbeterd: 0.6, zalig: 0.8, plezant: 0.7, tof: 0.7, toffe: 0.7, chill: 0.6, nice: 0.6, respectvol: 0.6,
    emopos: 0.8, emoneg: -0.8, emosarc: -0.5,
    slecht: -0.8, slechte: -0.8, vervelend: -0.7, vervelende: -0.7, jammer: -0.5, helaas: -0.5, boos: -0.7,
    verdrietig: -0.7, teleurgesteld: -0.8, teleurstellend: -0.8, frustrerend: -0.8, gefrustreerd: -0.8,
    irritant: -0.7, kut: -0.9, klote: -0.9, waardeloos: -0.9, waardeloze: -0.9, traag: -0.6, trage: -0.6,
    onduidelijk: -0.6, onduidelijke: -0.6, onveilig: -0.8, bang: -0.6, angstig: -0.6, eng: -0.6, zwaar: -0.5,
    moeilijk: -0.4, lastig: -0.4, rommelig: -0.5, chaos: -0.6, chaotisch: -0.6, stress: -0.6, onrustig: -0.5,
    probleem: -0.4, problemen: -0.4, klacht: -0.5, klachten: -0.5, ontevreden: -0.8, eenzaam: -0.6,
    genegeerd: -0.8, negeren: -0.6, afgescheept: -0.8, onbeleefd: -0.7, niemand: -0.5, zenuwachtig: -0.4,
    lawaai: -0.4, boosdoener: -0.6, uitgesteld: -0.5, verzet: -0.3, getwijfeld: -0.2, onmogelijk: -0.7, wachten: -0.3,
    gewacht: -0.4, kwijtgeraakt: -0.5, onvoorbereid: -0.6, opdagen: 0, lui: -0.4, respectloos: -0.8,
    gestopt: -0.3, wachtlijst: -0.2, wachtlijsten: -0.2, gedoe: -0.6, gezeur: -0.6, ruzie: -0.6, pesten: -0.7,
    gepest: -0.7, moe: -0.4, schandalig: -0.9, belachelijk: -0.8, nutteloos: -0.8, erger: -0.6, slechter: -0.7,
    mis: -0.4, mist: -0.4, fout: -0.5, fouten: -0.5, kwijt: -0.4, vergeten: -0.5, afgezegd: -0.5, nergens: -0.4, zonde: -0.5,
    ramp: -0.9, drama: -0.7, hopeloos: -0.8, machteloos: -0.8, wanhopig: -0.8, beu: -0.6,
    'te lang': -0.8, 'te laat': -0.7, 'te weinig': -0.7, 'te veel': -0.5, 'te traag': -0.8, 'te kort': -0.5,
    'te vaak': -0.5, 'te druk': -0.6, 'te streng': -0.6, 'te ver': -0.5, 'te duur': -0.6, 'veel te': -0.3,
    'niks aan': -0.5, 'geen idee': -0.5, 'geen zin': -0.4, 'geen tijd': -0.6, 'niet zeker': 0, 'weet niet': 0,
    'niet slecht': 0.3, 'niet verkeerd': 0.4, 'niet genoeg': -0.6, 'geen opmerkingen': 0, 'geen opmerking': 0,
    'niks toe': 0, 'niets toe': 0, 'geen klachten': 0.4, 'niet kwalijk': 0, 'zin in': 0.4, 'veel gebracht': 0.6,
    'steek gelaten': -0.8, 'hand gelopen': -0.6, 'zo druk': -0.4, 'hoofd heen': -0.5,
    'durf weer': 0.5, 'zo lang': -0.4, 'zooo lang': -0.6, 'zoo lang': -0.5, 'geen probleem': 0.3,
    beste: 0.7, mooi: 0.5, heerlijk: 0.7, gelukt: 0.5, lukt: 0.4, gered: 0.7, wonder: 0.7,
    opgebloeid: 0.7, waardevol: 0.7, vertrouwd: 0.5, begrepen: 0.5, gesteund: 0.6, blije: 0.7,
    huilde: -0.6, huilden: -0.6, onvoldoende: -0.6, tekort: -0.5, tekortschiet: -0.6, getraumatiseerd: -0.8,
    trauma: -0.6, isoleercel: -0.7, overleden: -0.7, onzeker: -0.5,
    eenzaamheid: -0.6, verloren: -0.5, alleen: 0, weggehaald: -0.6, uithuisgeplaatst: -0.5, dwang: -0.6,
    'graag willen': -0.3, 'geen begeleiding': -0.6, 'geen hulp': -0.7, 'geen contact': -0.5,
    averechts: -0.7, huilt: -0.6, huilen: -0.6, afhaken: -0.5, kapot: -0.6, stom: -0.6, stomme: -0.6,
    vreselijk: -0.9, verschrikkelijk: -0.9, triest: -0.7, zucht: -0.4, shit: -0.8,
    onterecht: -0.6, oneerlijk: -0.7, bezorgd: -0.5, zorgen: -0.3, wanhoop: -0.8, uitgeput: -0.7,
    'de steek': -0.8, 'haak af': -0.6, 'klapt dicht': -0.6, 'het zat': -0.6, 'zo zat': -0.6,
    'niet eens': -0.4, 'lekker dan': -0.6, 'ja hoor': -0.3,
    'voor niks': -0.4, 'veel aan': 0.5, 'lacht weer': 0.7, 'weer plezier': 0.7, 'mijn kant': 0.5,
  },
  en: {
    good: 0.6, great: 0.8, nice: 0.6, lovely: 0.8, kind: 0.6, helpful: 0.7, helped: 0.6, helps: 0.5, help: 0,
    fab: 0.8, smooth: 0.5, smoothly: 0.5, alright: 0.3, cheers: 0.5, proper: 0.3, peace: 0.4, respected: 0.5,
    amazing: 0.9, awesome: 0.9, brilliant: 0.9, excellent: 0.9, fantastic: 0.9, happy: 0.7, glad: 0.6,
    grateful: 0.8, thankful: 0.8, thanks: 0.6, thank: 0.6, clear: 0.5, safe: 0.6, calm: 0.4, better: 0.5,
    friendly: 0.6, supportive: 0.7, support: 0, supported: 0, caring: 0.7, fine: 0.3, ok: 0.2, okay: 0.2, best: 0.7,
    love: 0.7, loved: 0.7, like: 0, liked: 0.5, likes: 0.3, enjoy: 0.6, enjoyed: 0.6, fun: 0.6, respectful: 0.6,
    quick: 0.4, fast: 0.4, finally: 0.3, patient: 0.5, involved: 0.4, trust: 0.4, heard: 0.4, relieved: 0.7,
    progress: 0.5, improved: 0.6, cool: 0.5, chill: 0.5, legend: 0.8, star: 0.6, appreciate: 0.7,
    appreciated: 0.7, listen: 0, listened: 0.3, wait: 0, waiting: 0, long: 0, list: 0, emopos: 0.8, emoneg: -0.8, emosarc: -0.5,
    bad: -0.8, terrible: -0.9, awful: -0.9, horrible: -0.9, poor: -0.6, worse: -0.7, worst: -0.9,
    disappointed: -0.8, disappointing: -0.8, frustrating: -0.8, frustrated: -0.8, annoying: -0.7, annoyed: -0.7,
    angry: -0.7, sad: -0.7, upset: -0.7, scared: -0.7, afraid: -0.6, unsafe: -0.8, slow: -0.6, confusing: -0.7,
    confused: -0.6, unclear: -0.6, rude: -0.8, ignored: -0.8, useless: -0.9, pointless: -0.8, mess: -0.6,
    messy: -0.6, chaos: -0.6, chaotic: -0.6, stressful: -0.7, stress: -0.5, stressed: -0.6, hard: -0.4,
    traumatized: -0.8, traumatised: -0.8, shattered: -0.8, unlovable: -0.8, judged: -0.6, 'a toll': -0.6,
    'lack of': -0.6, 'no access': -0.7, 'no support': -0.7, 'no help': -0.7, 'on my own': -0.4, isolated: -0.6,
    abandoned: -0.8, powerless: -0.8, 'missed the': -0.5, challenging: -0.4,
    difficult: -0.4, problem: -0.4, problems: -0.4, complaint: -0.5, unhappy: -0.8, lonely: -0.6, crap: -0.9,
    rubbish: -0.8, shit: -0.9, sucks: -0.8, sucked: -0.8, ridiculous: -0.8, disgrace: -0.9, nightmare: -0.9,
    hopeless: -0.8, helpless: -0.7, impossible: -0.7, tiny: -0.3, lazy: -0.4, nervous: -0.4, waited: -0.4,
    ages: -0.5, forever: -0.5, miss: -0.4, unprepared: -0.6, postponed: -0.5, nightmares: -0.6,
    unfortunately: -0.5, sadly: -0.5, lost: -0.4, forgot: -0.5, forgotten: -0.5,
    cancelled: -0.5, canceled: -0.5, fed: -0.3, tired: -0.4, exhausting: -0.7, exhausted: -0.6, scary: -0.7,
    bullied: -0.7, bullying: -0.7, dismissive: -0.8, fobbed: -0.8, shame: -0.5, nobody: -0.3, struggle: -0.5,
    struggling: -0.5, wrong: -0.5, hate: -0.8, hated: -0.8, 'too long': -0.8, 'too late': -0.7,
    'too slow': -0.8, 'too little': -0.7, 'too much': -0.5, 'too many': -0.5, 'too short': -0.5,
    'too strict': -0.6, 'too far': -0.5, 'too busy': -0.6, 'no idea': -0.5, 'no time': -0.6, 'fed up': -0.8,
    'let down': -0.8, 'messed up': -0.7, 'not sure': 0, 'no one': -0.5, 'not bad': 0.3, 'not enough': -0.6,
    'nothing to': 0, 'no comments': 0, 'no complaints': 0.4, 'bad guys': -0.6, 'for show': -0.5, 'pushed back': -0.5,
    'held up': -0.4, 'kind of': 0, 'kinda': 0, 'so long': -0.4, 'soooo long': -0.6, 'sooo long': -0.6, 'no problem': 0.3,
    'shut down': -0.5, 'eased off': 0.5, 'against the': -0.3, 'my side': 0.5, 'my head': -0.4,
    miracle: 0.8, managing: 0.3, saved: 0.6, lifesaver: 0.9, valuable: 0.7, understood: 0.5,
    backfired: -0.7, cries: -0.6, crying: -0.6, cried: -0.6, ugh: -0.5, wtf: -0.7, ffs: -0.7, awkward: -0.4,
    unfair: -0.7, worried: -0.5, worry: -0.4, desperate: -0.8, dread: -0.6, dreading: -0.6,
    'meant a': 0.5, 'means a': 0.5, 'not even': -0.4, 'give up': -0.6, 'yeah right': -0.6,
    'oh joy': -0.6, 'for nothing': -0.4, 'peace of': 0.5, 'i like': 0.5,
    'we like': 0.5, 'love that': 0.7, 'smiling again': 0.7,
  },
};

/** Words that turn the next opinion around ("niet fijn", "not helpful", "geen respect", "minder angst"). */
export const NEGATIONS: Record<Locale, ReadonlySet<string>> = {
  nl: new Set(['niet', 'nooit', 'geen', 'niets', 'niks', 'nergens', 'ni', 'nie', 'allerminst', 'amper', 'nauwelijks', 'zonder', 'minder']),
  en: new Set(['not', 'no', 'never', 'neither', 'nor', 'nothing', 'hardly', 'barely', 'without', 'less', 'fewer', 'dont', 'didnt', 'doesnt', 'wasnt', 'werent', 'isnt', 'arent', 'cant', 'couldnt', 'wont', 'wouldnt', 'havent', 'hasnt', 'aint']),
};

/** Words that start a contrasting part ("fijne begeleider, maar de wachtlijst ..."). */
/** "te lang", "too slow": an excess is a complaint, whatever the word after it. */
export const EXCESS: Record<Locale, string> = { nl: 'te', en: 'too' };

export const CONTRASTS: Record<Locale, ReadonlySet<string>> = {
  nl: new Set(['maar', 'echter', 'behalve', 'helaas', 'jammer', 'daarentegen', 'alleen', 'enkel']),
  en: new Set(['but', 'however', 'except', 'unfortunately', 'sadly', 'yet', 'whereas', 'only']),
};

/** Words that start a conceded part, which counts little: "ook al was het druk", "even though it was late". */
export const CONCESSIVES: Record<Locale, ReadonlySet<string>> = {
  nl: new Set(['hoewel', 'ondanks', 'alhoewel', 'ofschoon']),
  en: new Set(['although', 'though', 'despite', 'albeit']),
};

/** Words that make the next opinion stronger ("echt fijn", "so rude"). */
export const INTENSIFIERS: Record<Locale, ReadonlySet<string>> = {
  nl: new Set(['echt', 'heel', 'erg', 'zo', 'zeer', 'super', 'mega', 'hartstikke', 'ontzettend', 'enorm', 'keihard', 'kei', 'totaal', 'helemaal', 'zooo', 'zoo', 'amai']),
  en: new Set(['really', 'very', 'so', 'super', 'extremely', 'totally', 'absolutely', 'incredibly', 'soooo', 'sooo', 'utterly', 'truly']),
};
