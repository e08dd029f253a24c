/**
 * Skywork preference data, both ways: import from JSONL, gzipped JSONL and the Hub's Parquet layout
 * into a {@link io.rewardlens.storage.PreferenceStore}, and export of curated pairs as Skywork
 * JSONL or Parquet with a provenance sidecar.
 */
package io.rewardlens.storage.skywork;
