//go:build linux

package store

import "syscall"

// Filesystem magic numbers of network filesystems, from statfs(2).
var networkFS = map[int64]string{
	0x6969:     "NFS",
	0x517B:     "SMB",
	0xFF534D42: "CIFS",
	0xFE534D42: "SMB2",
	0x564C:     "NCP",
	0x65735546: "FUSE", // sshfs and many cloud drives
	0x01021994: "",     // tmpfs: local, listed so it is never mistaken
}

// networkDrive names the network filesystem dir is on, or "".
func networkDrive(dir string) string {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return ""
	}
	return networkFS[int64(st.Type)]
}
