package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.infra.files.StoredFile;

import java.util.List;

/** An item of a meeting's agenda, with its presenter organization (or null) and its files. */
public record AgendaItem(String itemId, String title, OrganizationRef presenter, List<StoredFile> files) {
}
