#!/usr/bin/env python3
"""Regenerates index-schema/vocab/drugs.txt: the drug names imr-search recognises.

Source: the MIT-licensed PyPI package drug-named-entity-recognition 2.0.9 (Fast Data
Science Ltd), about 107,000 name variants of 20,000 drugs, brand and generic. Its names
are filtered against ordinary English words (wordfreq 3.1.1) and against words that name
treatments rather than drugs; the workers' compensation names the dictionary lacks
(compounded creams, medical foods, convenience kits) are added.

    pip install drug-named-entity-recognition==2.0.9 wordfreq==3.1.1
    python3 tools/vocab/make_drugs.py
"""

import bz2
import os
import pickle
import re
from importlib import metadata

import drug_named_entity_recognition
from wordfreq import zipf_frequency

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "index-schema", "vocab", "drugs.txt")

# A single word at least this common in English is an English word, not a drug name.
COMMON_WORD_ZIPF = 3.0
# A name of several words is dropped when every word is at least this common.
COMMON_PHRASE_ZIPF = 3.5
MIN_LENGTH = 4
MAX_LENGTH = 40
MAX_WORDS = 4
ALLOWED = re.compile(r"^[a-z0-9][a-z0-9 ./'-]*$")

# Drug names that are also common English words: kept.
COMMON_BUT_DRUGS = {
    "aspirin", "codeine", "morphine", "insulin", "caffeine", "nicotine", "ibuprofen",
    "tylenol", "advil", "valium", "xanax", "prozac", "ambien", "viagra", "methadone",
    "penicillin", "lithium", "cortisone", "steroids", "opioids", "melatonin", "tramadol",
    "norco", "vicodin", "oxycodone", "hydrocodone", "gabapentin", "naproxen", "soma",
}

# Words that name a treatment, a form or a body rather than a drug, and injectables the
# project files as injections (viscosupplements, botulinum toxin): never drug names here.
NOT_DRUGS = {
    "oxygen", "water", "saline", "therapy", "supplement", "vitamin", "vitamins", "cream",
    "gel", "patch", "tablet", "injection", "pain", "relief", "heat", "ice", "physical",
    "block", "foam", "lotion", "spray", "solution", "ointment", "capsule", "powder",
    "synvisc", "synvisc-one", "orthovisc", "euflexxa", "supartz", "hyalgan", "gel-one",
    "monovisc", "gelsyn", "gelsyn-3", "durolane", "genvisc", "hymovis", "trivisc",
    "visco-3", "botox", "hyaluronic acid", "hyaluronan", "sodium hyaluronate",
    "platelet", "plasma", "blood", "air", "alcohol", "salt", "sugar", "honey", "iron",
    "zinc", "calcium", "magnesium", "potassium", "sodium", "copper", "silver", "gold",
    "carbon", "nitrogen", "helium", "tens", "unit", "kit", "program", "support",
}

# Names from workers' compensation pharmacy disputes that the dictionary lacks.
WORKERS_COMP_NAMES = """
norco vicodin terocin lidopro lido pro medrox menthoderm mentherm theramine sentra
sentra am|sentra pm gabadone trepadone appetrex fexmid flector fluriflex tgice tg hot
xolido ultracet dendracin biotherm somnicin laxacin percura fanatrex synovacin tabradol
deprizine dicopanol genicin hydrocodone/apap hydrocodone/acetaminophen oxycodone/apap apap
butalbital fioricet zipsor duexis vimovo amrix nucynta nucynta er butrans lyrica cymbalta
celebrex soma skelaxin zanaflex lunesta ambien cr flurbiprofen ketoprofen cyclobenzaprine
tramadol gabapentin lidocaine capsaicin menthol methyl salicylate baclofen ketamine
amitriptyline orphenadrine norflex prilosec omeprazole ranitidine ondansetron zofran
pennsaid voltaren gel lidoderm kera-tek keratek ultram er conzip ryzolt hysingla zohydro
opana oxycontin percocet roxicodone exalgo kadian embeda xtampza belbuca zubsolv suboxone
subutex
"""


def workers_comp_names():
    names = set()
    for line in WORKERS_COMP_NAMES.split("\n"):
        for group in line.split("|"):
            words = group.split()
            # A line lists single names unless it is one "|"-separated multi-word group.
            if "|" in line or group.strip() in ("sentra am", "sentra pm"):
                names.add(" ".join(words))
            else:
                names.update(words)
    names.update({"lido pro", "tg hot", "nucynta er", "ambien cr", "ultram er",
                  "voltaren gel", "methyl salicylate", "sentra am", "sentra pm"})
    return names


def is_common_english(name):
    words = name.split()
    if len(words) == 1:
        return zipf_frequency(name, "en") >= COMMON_WORD_ZIPF and name not in COMMON_BUT_DRUGS
    return all(zipf_frequency(word, "en") >= COMMON_PHRASE_ZIPF for word in words)


def keep(name):
    return (
        MIN_LENGTH <= len(name) <= MAX_LENGTH
        and len(name.split()) <= MAX_WORDS
        and ALLOWED.match(name)
        and not name.replace(" ", "").isdigit()
        and name not in NOT_DRUGS
        and not is_common_english(name)
    )


def main():
    package = os.path.dirname(drug_named_entity_recognition.__file__)
    with bz2.open(os.path.join(package, "drug_ner_dictionary.pkl.bz2")) as file:
        dictionary = pickle.load(file)
    variants = {" ".join(name.lower().split()) for name in dictionary["drug_variant_to_canonical"]}
    names = {name for name in variants if keep(name)}
    names |= {name for name in workers_comp_names() if name not in NOT_DRUGS}
    version = metadata.version("drug-named-entity-recognition")
    header = [
        "# Drug names, brand and generic, one per line, lower case: an item naming one is a medication.",
        f"# Source: drug-named-entity-recognition {version} (PyPI), MIT licence,",
        "# Copyright (c) 2023 Fast Data Science Ltd; see LICENSE-drugs.txt beside this file.",
        f"# Filters: {MIN_LENGTH}-{MAX_LENGTH} characters, at most {MAX_WORDS} words, letters, digits and ./'- only;",
        f"# no English words (wordfreq zipf >= {COMMON_WORD_ZIPF}, phrases of words >= {COMMON_PHRASE_ZIPF}) but a",
        "# short list of drug names that are common words; no treatment words or injectables filed",
        "# as injections (viscosupplements, Botox). Workers' compensation names the source lacks are added.",
        "# Regenerate with: python3 tools/vocab/make_drugs.py",
    ]
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("\n".join(header) + "\n")
        out.write("\n".join(sorted(names)) + "\n")
    print(f"{len(names)} names, {os.path.getsize(OUT)} bytes: {OUT}")


if __name__ == "__main__":
    main()
