package com.example.phoneinc.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Request body of {@code PATCH /voicemails/{id}}: {@code {"listened": true}} marks a voicemail
 * listened, {@code false} marks it unlistened again.
 *
 * <p>Provenance (API.md §5.2): inferred. The field name {@code listened} comes from the documented
 * 422 example ({@code {"errors": {"listened": ["must be a boolean"]}}}); the method, path and the
 * {@code false} direction are assumptions.
 */
public class VoicemailUpdate extends PhoneIncObject {

    @JsonProperty("listened")
    private Boolean listened;

    /** Body that marks the voicemail listened ({@code true}) or unlistened ({@code false}). */
    public static VoicemailUpdate listened(boolean listened) {
        VoicemailUpdate update = new VoicemailUpdate();
        update.setListened(listened);
        return update;
    }

    public Boolean getListened() {
        return listened;
    }

    public void setListened(Boolean listened) {
        this.listened = listened;
    }
}
