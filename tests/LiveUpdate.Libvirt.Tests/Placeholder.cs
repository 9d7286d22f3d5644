namespace LiveUpdate.Libvirt.Tests;
